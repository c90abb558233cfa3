using Helpdesk.LoadGenerator.Cluster;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.LoadGenerator.Tests.EndToEnd;

/// <summary>The PostgreSQL server the fault runs share, a throwaway durable one; each run works in a schema of its own.</summary>
public sealed class FaultRunDatabase : IAsyncLifetime
{
    internal ClusterDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await ClusterDatabase.StartAsync(_ => { }, CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// Three silo processes on a real PostgreSQL, desktops on their event streams and contacts arriving, and one fault
/// mid-run: a silo killed, paused until declared dead, or stopped gracefully, or PostgreSQL restarted. Each run's final
/// check reads back every contact and every operator.
/// </summary>
public sealed class FaultRunTests(FaultRunDatabase server) : IClassFixture<FaultRunDatabase>, IDisposable
{
    private readonly DirectoryInfo _reports = Directory.CreateTempSubdirectory("loadgen-fault-");

    /// <summary>
    /// A kill: every acknowledged contact present and closed, none held by two operators, none worked twice, every SLA
    /// threshold crossed recorded once (some of them fell due while the survivors took over), and the survivors answer for
    /// the dead silo's grains within the failover the product promises.
    /// </summary>
    [Fact]
    public async Task AKilledSiloCostsOnlyRetriedRequestsAndLosesNothing()
    {
        var (result, text) = await RunAsync(Fault.Kill);

        AssertEverythingAccountedFor(result, text);
        Assert.True(result.SlaDueDuringFailover > 0, $"No SLA threshold fell due during the failover, so none was shown to be acted on.{Environment.NewLine}{text}");
        Assert.True(result.Failover!.FailoverTime <= TimeSpan.FromSeconds(10), $"The survivors took {result.Failover.FailoverTime.TotalSeconds:0.0} s to answer for the killed silo's grains.{Environment.NewLine}{text}");
    }

    /// <summary>
    /// A silo frozen with SIGSTOP is declared dead by the others; resumed, it serves nothing before it has read that it is
    /// dead, and stops by itself. Every contact is closed, none lost, held by two operators or worked twice, no acknowledged
    /// move lost, and every SLA threshold crossed recorded once.
    /// </summary>
    [Fact]
    public async Task APausedSiloIsDeclaredDeadAndStopsByItselfWhenResumed()
    {
        var (result, text) = await RunAsync(Fault.Pause);

        AssertEverythingAccountedFor(result, text);
        Assert.Contains(result.Fault!.Events, happened => happened.Contains("declared dead", StringComparison.Ordinal));
        Assert.Contains(result.Fault.Events, happened => happened.Contains("stopped by itself", StringComparison.Ordinal));
    }

    /// <summary>
    /// A silo stopped with SIGTERM under load hands its grains over and exits cleanly, and no request fails: no silo answers
    /// one with an error, not even while grains move, and the only failed attempts are connections to the stopping silo as
    /// it stops listening (refused, or now and then one accepted in its last moment and cut), each sent again to another
    /// silo as nginx sends them.
    /// </summary>
    [Fact]
    public async Task AGracefulStopUnderLoadFailsNoRequest()
    {
        var (result, text) = await RunAsync(Fault.Stop);

        AssertEverythingAccountedFor(result, text);
        Assert.Contains(result.Fault!.Events, happened => happened.Contains("stopped gracefully with exit code 0", StringComparison.Ordinal));
        Assert.True(result.Failover is { FailedBefore: 0, FailedAtSurvivors: 0 }, text);
        Assert.True(result.FailureReasons.All(failure => !failure.Reason.StartsWith(ApiClient.AnsweredWith, StringComparison.Ordinal)), text);
    }

    /// <summary>PostgreSQL stops for a few seconds and comes back: the silos ride it out without a restart and lose nothing acknowledged.</summary>
    [Fact]
    public async Task ThePostgreSqlServerRestartingMidRunLosesNothing()
    {
        var (result, text) = await RunAsync(Fault.RestartDatabase);

        AssertEverythingAccountedFor(result, text);
        Assert.Contains(result.Fault!.Events, happened => happened.Contains("PostgreSQL is back", StringComparison.Ordinal));
    }

    public void Dispose() => _reports.Delete(recursive: true);

    /// <summary>
    /// The invariant (every acknowledged contact present, none held by two operators, every acknowledged move kept), no
    /// error answered but 503, the fault's own findings (a silo that had to be killed, one that stopped by itself when it should not), and no operation
    /// given up but the entry decision, whose short retry is by design (an IVR asks once and routes anyway), every
    /// contact closed within the settle limit, and no finding but offers announced again.
    /// </summary>
    private static void AssertEverythingAccountedFor(RunResult result, string text)
    {
        Assert.True(result.Accounting.Holds, text);
        Assert.True(result.Drained, $"The contacts had not settled within the limit.{Environment.NewLine}{text}");
        Assert.True(result.Fault!.Findings.Count == 0, text);
        Assert.True(result.Endpoints.All(endpoint => endpoint.GaveUp == 0 || endpoint.Endpoint == Endpoints.Entry), text);
        Assert.True(result.Accounting.Acknowledged > 100, text);

        // A silo answers a failure it cannot help (a silo dying, the database away) 503 with Retry-After, never 500.
        Assert.True(result.FailureReasons.All(failure => !failure.Reason.StartsWith(ApiClient.AnsweredWith, StringComparison.Ordinal) || failure.Reason == $"{ApiClient.AnsweredWith}503"), text);

        // Every operator's holds match the contacts, none is held by nobody, none was worked twice, and every SLA threshold
        // crossed was recorded once. (An offer announced again is a reservation redone after a failure, and is not asserted.)
        Assert.True(result.Accounting is { StaleHolds.Count: 0, HeldByNobody.Count: 0, HandledTwice.Count: 0, Sla.Count: 0 }, text);
    }

    private async Task<(RunResult Result, string Text)> RunAsync(Fault fault)
    {
        Assert.True(LoadOptionsParser.TryParse(
            ["--silos", "3", "--fault", fault.Name(), "--fault-at", "8", "--rate", "15", "--duration", "24", "--operators", "60", "--customers", "400", "--handle-time", "1", "--report-dir", _reports.FullName],
            out var options,
            out var error), error);
        var output = new StringWriter();
        using var limit = new CancellationTokenSource(options.TimeLimit);
        var result = await new LoadRun(options, fault.Name(), server.Database, TextWriter.Synchronized(output)).RunAsync(CancellationToken.None, limit.Token);
        return (result, $"{RunReport.ToText(result)}{Environment.NewLine}{output}");
    }
}
