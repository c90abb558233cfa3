using System.Xml.Linq;
using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.LoadGenerator.Tests.Reporting;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void TheChartIsWellFormedSvgWithBothPanelsAndTheFaultMarked()
    {
        var seconds = Enumerable.Range(0, 30)
            .Select(i => new SecondFigures(i, 100 + i, 2, i is 15 or 16 ? 12 : 0, 20, 1.5, i is 15 or 16 ? 4_000 : 12))
            .ToList();

        var document = XDocument.Parse(SvgChart.Render("3 silos & a kill <test>", seconds, TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(4.2)));

        var texts = document.Descendants(Svg + "text").Select(text => text.Value).ToList();
        Assert.Contains("3 silos & a kill <test>", texts);
        Assert.Contains("fault", texts);
        Assert.Contains("failover over (+4.2 s)", texts);
        Assert.Contains("arrivals end", texts);
        Assert.Equal(4, document.Descendants(Svg + "polyline").Count());
        Assert.Equal(2, document.Descendants(Svg + "rect").Count(rect => (string?)rect.Attribute("fill") == "#d62728" && (string?)rect.Attribute("fill-opacity") == "0.7"));
    }

    [Fact]
    public void AnEmptyRunStillDrawsAChart() =>
        Assert.NotNull(XDocument.Parse(SvgChart.Render("nothing", [], TimeSpan.Zero, null, null)).Root);

    [Theory]
    [InlineData(7, 10)]
    [InlineData(180, 200)]
    [InlineData(2_100, 2_500)]
    [InlineData(0.3, 0.5)]
    [InlineData(100, 100)]
    public void AxesEndAtARoundNumber(double value, double expected) =>
        Assert.Equal(expected, SvgChart.NiceCeiling(value), precision: 9);
}
