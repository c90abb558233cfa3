using System.Xml.Linq;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadGenerator.Reporting;
using Helpdesk.Testing;

namespace Helpdesk.LoadGenerator.Tests.EndToEnd;

/// <summary>The generator against one silo in memory, over real HTTP, for three seconds at a low rate.</summary>
public sealed class GeneratorEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _reports = Directory.CreateTempSubdirectory("loadgen-test-");

    [Fact]
    public async Task EveryContactCreatedIsClosedAndAccountedForAndTheReportIsWritten()
    {
        await using var silo = await InProcessSilo.StartAsync();
        Assert.True(LoadOptionsParser.TryParse(
            ["--url", silo.Url.ToString(), "--api-key", TestKeys.Admin, "--rate", "8", "--duration", "3", "--departments", "2", "--operators", "8", "--customers", "40", "--handle-time", "0.2", "--patience", "0", "--report", "e2e", "--report-dir", _reports.FullName],
            out var options,
            out var error), error);
        var output = new StringWriter();
        using var limit = new CancellationTokenSource(Patience);

        var result = await new LoadRun(options, "e2e", null, TextWriter.Synchronized(output)).RunAsync(CancellationToken.None, limit.Token);

        var accounting = result.Accounting;
        Assert.True(accounting.Holds, RunReport.ToText(result));
        Assert.True(accounting.Findings == 0, RunReport.ToText(result));
        Assert.True(accounting.Sent > 5, $"Only {accounting.Sent} contacts were sent in 3 s at 8/s.{Environment.NewLine}{output}");
        Assert.Equal(accounting.Sent, accounting.Acknowledged);
        Assert.Equal(accounting.Sent, accounting.Count(ContactClass.Closed));
        Assert.True(result.Drained, $"The contacts had not settled within the limit.{Environment.NewLine}{output}");
        Assert.Equal(accounting.Sent, result.Desks.Confirmed);
        Assert.All(
            [Endpoints.CreateContact, Endpoints.Accept, Endpoints.Propose, Endpoints.Confirm],
            name => Assert.Equal(accounting.Sent, result.Endpoint(name)?.Ok));
        Assert.Equal(0, result.Endpoints.Sum(endpoint => endpoint.Failed));
        Assert.Equal(8, result.Endpoint(Endpoints.FinalOperators)?.Ok);
        Assert.Contains("contacts start arriving", output.ToString(), StringComparison.Ordinal);

        var report = ReportFiles.WriteRun(result, ["--rate", "8"]);
        Assert.Contains("**Invariant: holds", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.NotNull(XDocument.Load(Path.Combine(_reports.FullName, "e2e.svg")).Root);
    }

    public void Dispose() => _reports.Delete(recursive: true);
}
