using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Benchmarks.Calls;

/// <summary>In-process grain calls against a bare Channels actor: throughput with 1,000 calls in flight, then latency at half our throughput.</summary>
internal sealed class CallSuite(BenchmarkOptions options)
{
    /// <summary>Grains, actors and closed-loop workers alike: one worker per grain, so 1,000 calls are in flight.</summary>
    public const int Actors = 1_000;

    private const string Name = "calls";
    private const double MinimumCallsPerSecond = 500_000;
    private const double MinimumShare = 0.15;
    private const double MaximumP99Micros = 100;

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting the runtime host");
        var host = await BenchmarkHost.StartAsync(null, cancellationToken);
        ChannelActor[] actors = [.. Enumerable.Range(0, Actors).Select(_ => new ChannelActor())];
        try
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            IPingGrain[] grains = [.. Enumerable.Range(0, Actors).Select(i => factory.GetGrain<IPingGrain>($"ping-{i}"))];
            var ours = await VerifiedAsync("grains", i => grains[i].Ping(i));
            var ceiling = await VerifiedAsync("channel actors", i => actors[i].Ping(i));

            var throughput = await Rounds.RunAsync(
                Name, [ours, ceiling], (subject, duration) => ClosedLoop.RunAsync(Actors, subject.Call, duration, cancellationToken),
                rate => $"{rate.PerSecond:N0} calls/s, {rate.BytesPerOperation:N0} B allocated a call", options, cancellationToken);
            var pace = Math.Round(throughput[0].Median(rate => rate.PerSecond) / 2 / 1_000) * 1_000;

            var floor = new Subject("instant calls (harness floor)", static _ => Task.CompletedTask);
            var latency = await Rounds.RunAsync(
                Name, [ours, ceiling, floor], (subject, duration) => PacedLoad.RunAsync(subject.Call, Actors, pace, duration, cancellationToken),
                Describe, options, cancellationToken);
            return Result(throughput, pace, latency);
        }
        finally
        {
            foreach (var actor in actors)
            {
                await actor.DisposeAsync();
            }

            await BenchmarkHost.StopAsync(host);
        }
    }

    private static SuiteResult Result(RoundResults<RunRate>[] throughput, double pace, RoundResults<PacedResult>[] latency)
    {
        var (ours, ceiling, floor) = (latency[0], latency[1], latency[2]);
        var paced = $"latency, open loop at {pace:N0} calls/s";
        return new SuiteResult(
            [
                ResultRow.Throughput($"grain calls, {Actors:N0} in flight", "calls/s", throughput[0].Median(rate => rate.PerSecond), throughput[1].Median(rate => rate.PerSecond), MinimumCallsPerSecond, MinimumShare),
                ResultRow.Latency($"{paced}: p50", ours.Median(run => run.FromSend.P50), ceiling.Median(run => run.FromSend.P50), null),
                ResultRow.Latency($"{paced}: p99", ours.Median(run => run.FromSend.P99), ceiling.Median(run => run.FromSend.P99), MaximumP99Micros),
                ResultRow.Latency($"{paced}: p99.9", ours.Median(run => run.FromSend.P999), ceiling.Median(run => run.FromSend.P999), null),
                ResultRow.Latency($"{paced}: p99 from due time", ours.Median(run => run.FromDue.P99), ceiling.Median(run => run.FromDue.P99), null),
            ],
            [
                $"Grain calls: {Actors:N0} closed-loop workers, one per grain, each awaiting its call before making the next; `IPingGrain.Ping(int)` returns its argument + 1 with no I/O. References come from `IGrainFactory.GetGrain<IPingGrain>(key)` once per worker; the silo is Orleans hosted with `Host.CreateApplicationBuilder()` and `UseOrleans`, in-memory storage. Rounds: ours {throughput[0].Spread(rate => rate.PerSecond, "N0")} calls/s, ceiling {throughput[1].Spread(rate => rate.PerSecond, "N0")} calls/s. Allocated per call (whole process): ours {throughput[0].Median(rate => rate.BytesPerOperation):N0} B, ceiling {throughput[1].Median(rate => rate.BytesPerOperation):N0} B.",
                $"Ceiling: {Actors:N0} bare actors, each one unbounded `System.Threading.Channels` channel and one reader loop, the same worker layout; a request carries a `TaskCompletionSource<int>` that runs its continuation asynchronously, so, as with a grain call, the actor's turn runs off the caller's thread and the caller resumes off the actor's: two thread-pool hops a call on both sides.",
                $"Latency: calls start on a fixed schedule at half our median throughput, round robin over the {Actors:N0} grains (or actors), whether or not earlier calls have answered (open loop), from a dedicated pacer thread that sends each call as it falls due and yields its core in between. Rows count from when a call was sent; the last row counts from when it was due, so it also holds the pacer's own stalls (descheduled, or suspended by a GC). Achieved rate: ours {ours.Median(run => run.FromSend.AchievedPerSecond):N0}/s.",
                $"Harness floor, how late the pacer itself sends (the same schedule of calls that complete at once): p99 {floor.Median(run => run.FromDue.P99):N1} µs from due. Ours per round, p99 from send: {ours.Spread(run => run.FromSend.P99, "N1")} µs; ceiling: {ceiling.Spread(run => run.FromSend.P99, "N1")} µs.",
            ]);
    }

    private static string Describe(PacedResult run) =>
        $"p50/p99/p99.9 {run.FromSend.P50:N1}/{run.FromSend.P99:N1}/{run.FromSend.P999:N1} µs from send, p99 {run.FromDue.P99:N1} µs from due";

    private static async Task<Subject> VerifiedAsync(string name, Func<int, Task<int>> ping)
    {
        for (var i = 0; i < Actors; i++)
        {
            if (await ping(i) is var answer && answer != i + 1)
            {
                throw new BenchmarkException($"The {name} answered Ping({i}) with {answer}, not {i + 1}; the benchmark would measure a broken call.");
            }
        }

        return new Subject(name, ping);
    }
}
