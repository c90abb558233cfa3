using Helpdesk.Cluster.PostgreSql;
using Helpdesk.Testing;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.PostgreSql;
using Helpdesk.Benchmarks.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Helpdesk.Benchmarks.Writes;

/// <summary>Durable grain-state writes on PostgreSQL against raw Npgsql upserts, at the same concurrency on the same server.</summary>
internal sealed class WriteSuite(BenchmarkOptions options)
{
    public const int Writers = 16;

    private const string Name = "writes";
    private const string ServerVariable = "HELPDESK_POSTGRES";
    private const string Schema = "helpdesk_benchmarks";
    private const double MinimumWritesPerSecond = 3_000;
    private const double MinimumShare = 0.50;

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        await using var throwaway = string.IsNullOrWhiteSpace(external) ? await ThrowawayPostgres.StartAsync(durable: true, line => Progress.Report("postgres", line), cancellationToken) : null;
        var server = throwaway is null ? $"the server named by {ServerVariable}" : $"a throwaway server on 127.0.0.1:{throwaway.Port}";
        var connectionString = new NpgsqlConnectionStringBuilder(throwaway?.ConnectionString ?? LoopbackGuard.Require(external!, ServerVariable))
        {
            SearchPath = Schema,
        }.ConnectionString;

        await using var raw = new RawCounterTable(NpgsqlDataSource.Create(PostgreSqlDatabase.Tuned(connectionString).ConnectionString), Schema);
        try
        {
            await raw.CreateAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new BenchmarkException($"Could not reach or prepare {server}; check that it runs and accepts the connection string.", exception);
        }

        var settings = await raw.DurabilitySettingsAsync(cancellationToken);
        Progress.Report(Name, "starting the runtime host on PostgreSQL");
        var host = await BenchmarkHost.StartAsync(connectionString, cancellationToken);
        try
        {
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            ICounterGrain[] grains = [.. Enumerable.Range(0, Writers).Select(i => factory.GetGrain<ICounterGrain>($"writer-{i}"))];
            var counters = new long[Writers];
            var rates = await Rounds.RunAsync(
                Name,
                [new Subject("grains", i => grains[i].Increment()), new Subject("raw upserts", i => raw.WriteAsync(i, ++counters[i], cancellationToken))],
                (subject, duration) => ClosedLoop.RunAsync(Writers, subject.Call, duration, cancellationToken),
                rate => $"{rate.PerSecond:N0} writes/s",
                options,
                cancellationToken);
            return Result(rates[0], rates[1], server, settings);
        }
        finally
        {
            await BenchmarkHost.StopAsync(host);
        }
    }

    private static SuiteResult Result(RoundResults<RunRate> ours, RoundResults<RunRate> raw, string server, string settings) =>
        new(
            [ResultRow.Throughput($"durable writes, {Writers} writers", "writes/s", ours.Median(rate => rate.PerSecond), raw.Median(rate => rate.PerSecond), MinimumWritesPerSecond, MinimumShare)],
            [
                $"Durable writes: {Writers} grains, each driven by one closed-loop worker; each call of `ICounterGrain.Increment()` runs `state.State.Counter++; await state.WriteStateAsync()` on a `[PersistentState(\"s\")]` state, the runtime configured with `UsePostgreSql`. Rounds: ours {ours.Spread(rate => rate.PerSecond, "N0")} writes/s.",
                $"Ceiling: {Writers} workers, each upserting its own row of a small table (`INSERT ... ON CONFLICT (id) DO UPDATE SET ...`) with plain Npgsql through one `NpgsqlDataSource` with the silo's connection settings (statements prepared, no reset on return to the pool). Rounds: {raw.Spread(rate => rate.PerSecond, "N0")} writes/s.",
                $"Server: {server}, {settings}; both sides in schema `{Schema}`, measured in interleaved rounds.",
            ]);
}
