using System.Diagnostics;
using Helpdesk.Benchmarks.PostgreSql;
using Helpdesk.Benchmarks.Reporting;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>How long partitions stay unowned after a silo dies: 3 silos, one killed at a time and replaced, under short and default leases.</summary>
internal sealed class FailoverSuite(BenchmarkOptions options)
{
    public const int Silos = 3;

    public const int PartitionCount = 256;

    private const string Name = "failover";

    /// <summary>Seeds the moments of the kills within the renewal cycle, so runs kill at the same moments.</summary>
    private const int PhaseSeed = 17;
    private static readonly TimeSpan MaximumFailover = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BalanceLimit = TimeSpan.FromSeconds(60);

    /// <summary>Short leases first, as the cluster tests run them, then the runtime's defaults.</summary>
    public static IReadOnlyList<LeaseSettings> Settings { get; } = [LeaseSettings.Short, LeaseSettings.Defaults];

    /// <summary>The longest this suite may run with <paramref name="kills"/> kills, for the whole run's time limit.</summary>
    public static TimeSpan TimeLimit(int kills) =>
        Settings.Aggregate(TimeSpan.Zero, (sum, leases) => sum + (kills * (TakeoverLimit(leases) + BalanceLimit)));

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await BenchmarkServer.StartAsync(cancellationToken);
        List<FailoverTimes> results = [];
        foreach (var leases in Settings)
        {
            results.Add(await MeasureAsync(server, leases, cancellationToken));
        }

        return Result(results, server.Description);
    }

    private async Task<FailoverTimes> MeasureAsync(BenchmarkServer server, LeaseSettings leases, CancellationToken cancellationToken)
    {
        var schema = $"helpdesk_benchmarks_failover_{(int)leases.LeaseDuration.TotalMilliseconds}ms";
        var connectionString = await server.EmptySchemaAsync(schema, cancellationToken);
        Progress.Report(Name, $"starting {Silos} silos with {leases}");
        await using var cluster = new BenchmarkCluster(connectionString, PartitionCount, leases);
        for (var i = 0; i < Silos; i++)
        {
            await cluster.AddSiloAsync(cancellationToken);
        }

        await cluster.WaitUntilAsync(cluster.IsBalanced, BalanceLimit, $"{Silos} silos to share {PartitionCount} partitions evenly", cancellationToken);
        var phase = new Random(PhaseSeed);
        List<TimeSpan> takeovers = [];
        List<TimeSpan> rebalances = [];
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            // Silos renew in step (a NOTIFY wakes them all), and balance is reached just after a renewal: a crash comes
            // at any point of the renewal cycle, so the kill waits a random part of a renew period.
            await Task.Delay(leases.RenewPeriod * phase.NextDouble(), cancellationToken);

            // The oldest goes, so every silo started is killed in turn.
            var victim = cluster.Live[0];
            var killedAt = Stopwatch.GetTimestamp();
            var killing = cluster.KillAsync(victim);
            await cluster.WaitUntilAsync(cluster.LiveOwnAll, TakeoverLimit(leases), $"the survivors of {victim.Name} to own all {PartitionCount} partitions", cancellationToken);
            var takeover = Stopwatch.GetElapsedTime(killedAt);
            takeovers.Add(takeover);
            await killing;
            await cluster.BuryDeadAsync();

            var startedAt = Stopwatch.GetTimestamp();
            var replacement = await cluster.AddSiloAsync(cancellationToken);
            await cluster.WaitUntilAsync(cluster.IsBalanced, BalanceLimit, $"{replacement.Name} to take its share of partitions", cancellationToken);
            var rebalance = Stopwatch.GetElapsedTime(startedAt);
            rebalances.Add(rebalance);
            Progress.Report(Name, $"kill {kill}/{options.Kills}: {victim.Name} killed, survivors owned every partition after {takeover.TotalSeconds:0.00} s; {replacement.Name} started, balanced {rebalance.TotalSeconds:0.00} s later");
        }

        return new FailoverTimes(leases, takeovers, rebalances);
    }

    /// <summary>A takeover this late means failover is broken, not slow.</summary>
    private static TimeSpan TakeoverLimit(LeaseSettings leases) => (3 * leases.Bound) + TimeSpan.FromSeconds(30);

    private SuiteResult Result(IReadOnlyList<FailoverTimes> results, string server)
    {
        List<ResultRow> rows = [];
        List<string> notes =
        [
            $"Failover: {Silos} silos in this process, each its own host (`AddGrainRuntime(r => r.UsePostgreSql(...))`) on one schema of {server}, {PartitionCount} partitions, no load. {options.Kills} times: wait until the partitions are balanced (every live silo's map agrees), after a random part of a renew period (seeded: silos renew in step and balance is reached just after a renewal, while a crash comes at any point of the cycle) kill the oldest silo abruptly (`SiloHostedService.KillAsync()`: it stops renewing and serving and its internal endpoint is cut, nothing is released), and time from the kill until every survivor's map shows all {PartitionCount} partitions owned by survivors under unexpired leases and the survivors' `OwnedPartitions` sum to {PartitionCount}; then start a replacement silo and wait for balance again.",
            "Ceiling column: the lease duration. A dead silo's last renewal expires one lease later and the survivors take its partitions at their next renewal, so failover takes between about `LeaseDuration - RenewPeriod` and `LeaseDuration + RenewPeriod`, plus a few queries; the target applies to every kill (the max).",
        ];
        foreach (var times in results)
        {
            var name = $"failover after a kill, {times.Leases.LeaseDuration.TotalSeconds:0.##} s lease / {times.Leases.RenewPeriod.TotalMilliseconds:N0} ms renew";
            rows.Add(ResultRow.Seconds($"{name}: min", times.Min, times.Leases.LeaseDuration, "lease", null));
            rows.Add(ResultRow.Seconds($"{name}: median", times.Median, times.Leases.LeaseDuration, "lease", null));
            rows.Add(ResultRow.Seconds($"{name}: max", times.Max, times.Leases.LeaseDuration, "lease", MaximumFailover));
            notes.Add($"{times.Leases} (bound about {times.Leases.Bound.TotalSeconds:0.##} s): takeovers {times.Each} s; the replacement silo reached balance a median {times.MedianRebalance.TotalSeconds:0.00} s after it started.");
        }

        return new SuiteResult(rows, notes);
    }
}
