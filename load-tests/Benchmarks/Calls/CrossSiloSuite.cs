using System.Net;
using System.Net.Sockets;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Helpdesk.Benchmarks.Calls;

/// <summary>
/// Grain calls from one silo to grains on another (two silos in this process, over loopback TCP), against the same calls
/// to grains on the calling silo: what crossing silos costs.
/// </summary>
internal sealed class CrossSiloSuite(BenchmarkOptions options)
{
    private const string Name = "cross-silo";
    private const string Caller = "silo-a";
    private const string Callee = "silo-b";

    /// <summary>Closed-loop workers, one per grain.</summary>
    private const int Workers = 256;

    /// <summary>The open-loop rate of the latency runs.</summary>
    private const double Pace = 2_000;

    private const double MinimumCallsPerSecond = 20_000;

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting two silos in this process");
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var primary = new IPEndPoint(IPAddress.Loopback, siloPort);
        var caller = await StartAsync(Caller, siloPort, gatewayPort, primary, cancellationToken);
        IHost? callee = null;
        try
        {
            callee = await StartAsync(Callee, FreePort(), FreePort(), primary, cancellationToken);
            var calling = caller.Services.GetRequiredService<IGrainFactory>();
            // A grain activates where its first call comes from: the far ones on the callee, the near ones on the caller.
            var far = await PlacedAsync(callee.Services.GetRequiredService<IGrainFactory>(), calling, "far", Callee);
            var near = await PlacedAsync(calling, calling, "near", Caller);
            var ours = await VerifiedAsync("calls to grains on the other silo", far);
            var ceiling = await VerifiedAsync("calls to grains on the calling silo", near);

            var throughput = await Rounds.RunAsync(
                Name, [ours, ceiling], (subject, duration) => ClosedLoop.RunAsync(Workers, subject.Call, duration, cancellationToken),
                rate => $"{rate.PerSecond:N0} calls/s, {rate.BytesPerOperation:N0} B allocated a call", options, cancellationToken);
            var latency = await Rounds.RunAsync(
                Name, [ours, ceiling], (subject, duration) => PacedLoad.RunAsync(subject.Call, Workers, Pace, duration, cancellationToken),
                run => $"p50/p99 {run.FromSend.P50:N1}/{run.FromSend.P99:N1} µs from send", options, cancellationToken);
            return Result(throughput, latency);
        }
        finally
        {
            await StopAsync(callee);
            await StopAsync(caller);
        }
    }

    private static SuiteResult Result(RoundResults<RunRate>[] throughput, RoundResults<PacedResult>[] latency)
    {
        var (ours, ceiling) = (latency[0], latency[1]);
        var paced = $"cross-silo latency, open loop at {Pace:N0} calls/s";
        return new SuiteResult(
            [
                ResultRow.Rate($"cross-silo grain calls, {Workers:N0} in flight", "calls/s", throughput[0].Median(rate => rate.PerSecond), throughput[1].Median(rate => rate.PerSecond), MinimumCallsPerSecond),
                ResultRow.Latency($"{paced}: p50", ours.Median(run => run.FromSend.P50), ceiling.Median(run => run.FromSend.P50), null),
                ResultRow.Latency($"{paced}: p99", ours.Median(run => run.FromSend.P99), ceiling.Median(run => run.FromSend.P99), null),
            ],
            [
                $"Cross-silo calls: two silos in this process ({Caller} and {Callee}, `UseLocalhostClustering` on loopback TCP ports, Orleans' own serialization and messaging), {Workers:N0} closed-loop workers on {Caller}'s `IGrainFactory`, one per grain, calling `IPlacedPingGrain.Ping(int)` (returns its argument + 1, no I/O) on grains activated on {Callee} (`[PreferLocalPlacement]`, first called from {Callee}, each checked to answer from it). Rounds: {throughput[0].Spread(rate => rate.PerSecond, "N0")} calls/s; allocated per call (whole process, both silos) {throughput[0].Median(rate => rate.BytesPerOperation):N0} B.",
                $"Ceiling: the same calls to as many grains of the same type activated on {Caller} itself, the calling silo: rounds {throughput[1].Spread(rate => rate.PerSecond, "N0")} calls/s, {throughput[1].Median(rate => rate.BytesPerOperation):N0} B a call. Both silos and the workers share the machine's cores, so a cross-silo call pays for both ends of the wire.",
                $"Latency: calls start on a fixed schedule from a dedicated pacer thread, round robin over the grains, open loop. Per round, p99 from send: cross-silo {ours.Spread(run => run.FromSend.P99, "N1")} µs; same silo {ceiling.Spread(run => run.FromSend.P99, "N1")} µs.",
            ]);
    }

    private static async Task<IPlacedPingGrain[]> PlacedAsync(IGrainFactory activating, IGrainFactory calling, string prefix, string silo)
    {
        var grains = new IPlacedPingGrain[Workers];
        for (var i = 0; i < grains.Length; i++)
        {
            var key = $"{prefix}-{i}";
            if (await activating.GetGrain<IPlacedPingGrain>(key).Silo() is var where && where != silo)
            {
                throw new BenchmarkException($"Grain {key} activated on {where}, not {silo}; the benchmark would not measure what it says.");
            }

            grains[i] = calling.GetGrain<IPlacedPingGrain>(key);
        }

        return grains;
    }

    private static async Task<Subject> VerifiedAsync(string name, IPlacedPingGrain[] grains)
    {
        for (var i = 0; i < grains.Length; i++)
        {
            if (await grains[i].Ping(i) is var answer && answer != i + 1)
            {
                throw new BenchmarkException($"The {name} answered Ping({i}) with {answer}, not {i + 1}.");
            }
        }

        return new Subject(name, i => grains[i].Ping(i));
    }

    private static Task<IHost> StartAsync(string name, int siloPort, int gatewayPort, IPEndPoint primary, CancellationToken cancellationToken)
    {
        var builder = BenchmarkHost.NewBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, primary)
            .Configure<SiloOptions>(options => options.SiloName = name));
        return BenchmarkHost.StartAsync(builder, $"Silo {name}", $"it cannot join the silo at {primary}", cancellationToken);
    }

    private static async Task StopAsync(IHost? host)
    {
        if (host is not null)
        {
            await BenchmarkHost.StopAsync(host);
        }
    }

    /// <summary>A loopback port nothing listens on now, for a silo's or a gateway's endpoint.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
