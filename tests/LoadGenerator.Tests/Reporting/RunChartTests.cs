using System.Xml.Linq;
using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.LoadGenerator.Tests.Reporting;

public sealed class RunChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void TheChartIsWellFormedSvgWithEverySeriesAndTheFaultMarked()
    {
        var seconds = Enumerable.Range(0, 30)
            .Select(i => new SecondFigures(i, 100 + i, 2, i is 15 or 16 ? 12 : 0, 20, 1.5, i is 15 or 16 ? 4_000 : 12))
            .ToList();

        var document = XDocument.Parse(RunChart.Render("3 silos & a kill <test>", seconds, TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(4.2)));

        var texts = Texts(document);
        Assert.Contains("3 silos & a kill <test>", texts);
        Assert.Contains("fault", texts);
        Assert.Contains("failover over (+4.2 s)", texts);
        Assert.Contains("arrivals end", texts);
        Assert.Contains("requests answered", texts);
        Assert.Contains("contacts created", texts);
        Assert.Contains("requests failed", texts);
        Assert.Contains("p50 latency (ms, right)", texts);
        Assert.Contains("p99 latency (ms, right)", texts);
        Assert.Contains("1000", texts);
    }

    [Fact]
    public void AnEmptyRunStillDrawsAChart() =>
        Assert.Contains("nothing", Texts(XDocument.Parse(RunChart.Render("nothing", [], TimeSpan.Zero, null, null))));

    private static List<string> Texts(XDocument document) => [.. document.Descendants(Svg + "text").Select(text => text.Value.Trim())];
}
