using Helpdesk.Benchmarks.Calls;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.PostgreSql;
using Helpdesk.Benchmarks.Reporting;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>Grain calls from one silo to grains another silo owns, over HTTP/2 on loopback, against calls to grains the calling silo owns itself.</summary>
internal sealed class RemoteCallSuite(BenchmarkOptions options)
{
    /// <summary>Closed-loop workers, one per grain on each side: enough calls in flight to keep both silos busy on a small machine.</summary>
    public const int InFlight = 256;

    public const int PartitionCount = 256;

    private const string Name = "remote";
    private const string Schema = "helpdesk_benchmarks_remote";
    private const double MinimumCallsPerSecond = 20_000;

    /// <summary>A rate low enough that calls rarely queue behind each other: latency of the path itself.</summary>
    private const double LightPace = 2_000;
    private static readonly TimeSpan BalanceLimit = TimeSpan.FromSeconds(60);

    /// <summary>Remote calls run through HttpClient, Kestrel and System.Text.Json, whose code the JIT takes this long to
    /// bring to its final tier on a small machine; measured earlier, the rate is a fraction of the steady one.</summary>
    public static TimeSpan Warmup { get; } = TimeSpan.FromSeconds(15);

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await BenchmarkServer.StartAsync(cancellationToken);
        var connectionString = await server.EmptySchemaAsync(Schema, cancellationToken);
        Progress.Report(Name, $"starting silos A and B on {server.Description}");
        await using var cluster = new BenchmarkCluster(connectionString, PartitionCount, LeaseSettings.Defaults);
        var caller = await cluster.AddSiloAsync(cancellationToken);
        var owner = await cluster.AddSiloAsync(cancellationToken);
        await cluster.WaitUntilAsync(cluster.IsBalanced, BalanceLimit, "silos A and B to share the partitions evenly", cancellationToken);

        var type = caller.Runtime.GrainTypeOf<IPingGrain>();
        IPingGrain[] remote = [.. cluster.KeysOwnedBy(owner, caller, type).Take(InFlight).Select(caller.Grains.Get<IPingGrain>)];
        IPingGrain[] local = [.. cluster.KeysOwnedBy(caller, caller, type).Take(InFlight).Select(caller.Grains.Get<IPingGrain>)];
        var remoteCalls = await VerifiedAsync("remote grains", remote);
        var localCalls = await VerifiedAsync("local grains", local);
        if (owner.Runtime.ActivationCount != InFlight || caller.Runtime.ActivationCount != InFlight)
        {
            throw new BenchmarkException($"Silo A should hold the {InFlight} local grains and silo B the {InFlight} remote ones, but A holds {caller.Runtime.ActivationCount} activations and B {owner.Runtime.ActivationCount}; calls did not go where the map says.");
        }

        Progress.Report(Name, $"warming up the remote path for {Warmup.TotalSeconds:0} s");
        var warm = await ClosedLoop.RunAsync(InFlight, remoteCalls.Call, Warmup, cancellationToken);
        Progress.Report(Name, $"warm-up: {warm.PerSecond:N0} remote calls/s on average");
        var throughput = await Rounds.RunAsync(
            Name, [remoteCalls, localCalls], (subject, duration) => ClosedLoop.RunAsync(InFlight, subject.Call, duration, cancellationToken),
            rate => $"{rate.PerSecond:N0} calls/s, {rate.BytesPerOperation:N0} B allocated a call", options, cancellationToken);
        var pace = Math.Max(LightPace, Math.Round(throughput[0].Median(rate => rate.PerSecond) / 2 / 100) * 100);
        var halfLoad = await LatencyAsync([remoteCalls, localCalls], pace, cancellationToken);
        var lightLoad = await LatencyAsync([remoteCalls, localCalls], LightPace, cancellationToken);
        return Result(throughput, warm, (pace, halfLoad), (LightPace, lightLoad), server.Description);
    }

    private Task<RoundResults<PacedResult>[]> LatencyAsync(IReadOnlyList<Subject> subjects, double pace, CancellationToken cancellationToken)
    {
        Progress.Report(Name, $"latency at {pace:N0} calls/s");
        return Rounds.RunAsync(
            Name, subjects, (subject, duration) => PacedLoad.RunAsync(subject.Call, InFlight, pace, duration, cancellationToken),
            Describe, options, cancellationToken);
    }

    private static SuiteResult Result(
        RoundResults<RunRate>[] throughput,
        RunRate warm,
        (double Pace, RoundResults<PacedResult>[] Rounds) halfLoad,
        (double Pace, RoundResults<PacedResult>[] Rounds) lightLoad,
        string server) =>
        new(
            [
                ResultRow.Rate($"cross-silo grain calls, 2 silos, {InFlight} in flight", "calls/s", throughput[0].Median(rate => rate.PerSecond), throughput[1].Median(rate => rate.PerSecond), MinimumCallsPerSecond),
                .. LatencyRows($"cross-silo latency at half load, {halfLoad.Pace:N0} calls/s", halfLoad.Rounds),
                .. LatencyRows($"cross-silo latency at light load, {lightLoad.Pace:N0} calls/s", lightLoad.Rounds),
            ],
            [
                $"Cross-silo calls: silos A and B in this process, each its own host (`AddGrainRuntime(r => r.UsePostgreSql(...))`) on one schema of {server}, {PartitionCount} partitions split 128/128, {LeaseSettings.Defaults}. {InFlight} closed-loop workers each call their own `IPingGrain` (returns its argument + 1, no I/O) through silo A's `IGrainFactory`; the grains' partitions are owned by B (picked by `ClusterMap[new GrainId(type, key).PartitionOf({PartitionCount})].Owner`), so every call is a JSON envelope posted over HTTP/2 on loopback to B's internal endpoint. Rounds: {throughput[0].Spread(rate => rate.PerSecond, "N0")} calls/s; allocated per call (whole process, both silos): {throughput[0].Median(rate => rate.BytesPerOperation):N0} B.",
                $"Warm-up: {Warmup.TotalSeconds:0} s of remote calls before the rounds (plus the usual warm-up of each side), averaging {warm.PerSecond:N0} calls/s: until the JIT has brought the HTTP/2 and JSON code to its final tier, remote calls run at a fraction of their steady rate.",
                $"Ceiling: the same workers calling {InFlight} grains that silo A owns itself, through A, in the same run (interleaved rounds): no serialization, no network. Rounds: {throughput[1].Spread(rate => rate.PerSecond, "N0")} calls/s; {throughput[1].Median(rate => rate.BytesPerOperation):N0} B a call.",
                $"Latency: calls start on a fixed schedule, round robin over the {InFlight} grains, whether or not earlier calls have answered (open loop), at half the remote median throughput and at a light {lightLoad.Pace:N0} calls/s; counted from when each call was sent, the ceiling being the same schedule on local grains. Remote p50/p99 per round at half load: {halfLoad.Rounds[0].Spread(run => run.FromSend.P50, "N0")} / {halfLoad.Rounds[0].Spread(run => run.FromSend.P99, "N0")} µs (p99.9 {halfLoad.Rounds[0].Median(run => run.FromSend.P999):N0} µs); at light load: {lightLoad.Rounds[0].Spread(run => run.FromSend.P50, "N0")} / {lightLoad.Rounds[0].Spread(run => run.FromSend.P99, "N0")} µs.",
            ]);

    private static IEnumerable<ResultRow> LatencyRows(string name, RoundResults<PacedResult>[] rounds) =>
    [
        ResultRow.Latency($"{name}: p50", rounds[0].Median(run => run.FromSend.P50), rounds[1].Median(run => run.FromSend.P50), null),
        ResultRow.Latency($"{name}: p99", rounds[0].Median(run => run.FromSend.P99), rounds[1].Median(run => run.FromSend.P99), null),
    ];

    private static string Describe(PacedResult run) =>
        $"p50/p99/p99.9 {run.FromSend.P50:N0}/{run.FromSend.P99:N0}/{run.FromSend.P999:N0} µs from send";

    private static async Task<Subject> VerifiedAsync(string name, IPingGrain[] grains)
    {
        if (grains.Length != InFlight)
        {
            throw new BenchmarkException($"Found only {grains.Length} {name}; the benchmark needs {InFlight}.");
        }

        for (var i = 0; i < grains.Length; i++)
        {
            if (await grains[i].Ping(i) is var answer && answer != i + 1)
            {
                throw new BenchmarkException($"The {name} answered Ping({i}) with {answer}, not {i + 1}; the benchmark would measure a broken call.");
            }
        }

        return new Subject(name, i => grains[i].Ping(i));
    }
}
