using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Helpdesk.Api.Cluster;
using Helpdesk.Testing;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>Silos as real processes, started the way the README says, stopped with Ctrl-C or killed.</summary>
public sealed class SiloProcessTests
{
    private static readonly string[] FastLeases = ["--Cluster:LeaseDuration=00:00:02", "--Cluster:RenewPeriod=00:00:00.250"];

    [Fact]
    public async Task SiloProcessOnPostgreSqlBecomesReadyAndStopsCleanlyOnCtrlC()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("process");
        using var silo = SiloProcess.Start(connectionString, "process-test");

        await silo.WaitForLineAsync("Silo process-test started");
        using var client = silo.Client();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await silo.SignalAsync("INT");
        await silo.WaitForExitAsync();
        Assert.Equal(0, silo.ExitCode);
        Assert.Contains(silo.Output.Lines, line => line.Contains("every activation finished", StringComparison.Ordinal));
        Assert.Contains(silo.Output.Lines, line => line.Contains("PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSiloProcessesShareThePartitionsAndTheSurvivorTakesOverAfterAKill()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("processes");
        using var first = SiloProcess.Start(connectionString, "proc-a", FastLeases);
        await first.WaitForLineAsync("Silo proc-a started");
        using var second = SiloProcess.Start(connectionString, "proc-b", FastLeases);
        await second.WaitForLineAsync("it owns 128, its share is 128");

        using var client = second.Client();
        var shared = await client.GetFromJsonAsync<ClusterView>("/api/cluster");
        Assert.Equal(256, shared!.PartitionCount);
        Assert.Equal([("proc-a", 128), ("proc-b", 128)], shared.Silos.Select(s => (s.Name, s.PartitionsOwned)));

        var sinceKill = Stopwatch.StartNew();
        await first.SignalAsync("KILL");
        await second.WaitForLineAsync("it owns 256, its share is 256");
        Assert.InRange(sinceKill.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));

        var alone = await client.GetFromJsonAsync<ClusterView>("/api/cluster");
        Assert.Equal(256, alone!.Silos.Single(s => s.Name == "proc-b").PartitionsOwned);
        Assert.False(alone.Silos.Single(s => s.Name == "proc-a").Live);
    }
}
