using System.Diagnostics;
using System.Reflection;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.Reporting;
using Helpdesk.LoadGenerator;
using Helpdesk.LoadGenerator.Cluster;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Reporting;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.Benchmarks.Failover;

/// <summary>
/// How long after a <c>kill -9</c> of one silo of three the grains it held answer again from the survivors, on real
/// silo processes and a real PostgreSQL with the product's default settings, over several kills.
/// </summary>
/// <remarks>
/// The silos are the load generator's <see cref="LocalCluster"/>: <c>dotnet Helpdesk.Silo.dll</c> processes on
/// loopback, started, killed and restarted as its fault runs do. Silo 1 is never killed: the cluster view is read
/// from it. The others are killed in turn, each restarted under its name before the next kill.
/// </remarks>
internal sealed class FailoverSuite(BenchmarkOptions options)
{
    public const int DefaultKills = 10;

    private const string Name = "failover";
    private const string Schema = "helpdesk_benchmarks_failover";
    private const int Silos = 3;

    /// <summary>The silo the cluster view is read from, never killed.</summary>
    private const int Reader = 0;

    /// <summary>New operators before each kill: with a third of them on each silo, the victim holds some whatever the draw.</summary>
    private const int OperatorsPerKill = 30;

    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    /// <summary>How long the operators may go on missing after a kill before the suite fails: several times what membership takes.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan DeclareLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long the operators may take to answer through the survivors-to-be before a kill: a silo that has just joined leases the whole ring while it learns of the dead ones before it.</summary>
    private static readonly TimeSpan BeforeKillLimit = TimeSpan.FromSeconds(60);

    /// <summary>PostgreSQL and three silos started and joined: the cluster's own limits are 90 s to be ready and 60 s to join.</summary>
    private static readonly TimeSpan SetupLimit = TimeSpan.FromMinutes(4);

    /// <summary>One kill: operators created and read, the failover, and the restart (90 s to be ready, 60 s to join).</summary>
    private static readonly TimeSpan KillLimit = TimeSpan.FromMinutes(4);

    public static TimeSpan TimeLimit(BenchmarkOptions options) => SetupLimit + (options.Kills * KillLimit);

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        var logs = EmptyLogFolder();
        try
        {
            return await MeasureAsync(logs, cancellationToken);
        }
        catch (LoadRunException exception)
        {
            throw new BenchmarkException($"{exception.Message} The silos' logs are in {logs}.", exception);
        }
        catch (BenchmarkException exception)
        {
            throw new BenchmarkException($"{exception.Message} The silos' logs are in {logs}.", exception.InnerException);
        }
    }

    private async Task<SuiteResult> MeasureAsync(string logs, CancellationToken cancellationToken)
    {
        var overridden = OverriddenSettings();
        var adminKey = LocalCluster.NewAdminKey();
        using var http = HttpClients.Create(adminKey);
        await using var database = await ClusterDatabase.StartAsync(line => Progress.Report("postgres", line), cancellationToken);
        var connectionString = await database.NewSchemaAsync(Schema, cancellationToken);
        var settings = await database.SettingsAsync(cancellationToken);
        Progress.Report(Name, $"starting {Silos} silos on {database.Description}, schema {Schema}, {(overridden.Count == 0 ? "default settings" : string.Join(", ", overridden))}, their logs in {logs}");
        await using var cluster = await LocalCluster.StartAsync(Silos, connectionString, adminKey, logs, http, line => Progress.Report(Name, line), cancellationToken);
        var operators = new ProbeOperators(http);
        await operators.CreateDepartmentAsync(cluster.Urls[Reader], cancellationToken);
        List<KillResult> kills = [];
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            kills.Add(await KillAsync(cluster, operators, kill, cancellationToken));
            if (kill < options.Kills)
            {
                Progress.Report(Name, $"restarting {kills[^1].Victim}");
                await cluster.RestartAsync(VictimOf(kill), cancellationToken);
            }
        }

        var result = new RoundResults<KillResult>(Name, kills);
        Progress.Report(
            Name,
            $"grains answering after median {Seconds(result.Median(kill => kill.Answering.After.TotalSeconds))}, min {Seconds(kills.Min(kill => kill.Answering.After.TotalSeconds))}, max {Seconds(kills.Max(kill => kill.Answering.After.TotalSeconds))} over {kills.Count} kills "
            + $"(target with default settings: median ≤ {Target.TotalSeconds:0} s); declared dead after median {Seconds(result.Median(kill => kill.DeclaredDead.TotalSeconds))}");
        return Result(result, overridden, $"{database.Description}, {settings}, schema `{Schema}`", logs);
    }

    /// <summary>Silo 2 and silo 3 in turn.</summary>
    private static int VictimOf(int kill) => 1 + ((kill - 1) % (Silos - 1));

    /// <summary>New operators, all of them answering; the victim's activations; the kill; then the wait for its death and for every operator to answer again.</summary>
    private async Task<KillResult> KillAsync(LocalCluster cluster, ProbeOperators operators, int kill, CancellationToken cancellationToken)
    {
        var victim = VictimOf(kill);
        var name = cluster.Silos[victim].Name;
        IReadOnlyList<Uri> survivors = [.. cluster.Urls.Where((_, i) => i != victim)];
        var started = Stopwatch.GetTimestamp();
        await operators.AddAsync(kill, OperatorsPerKill, cluster.Urls, cancellationToken);
        Progress.Report(Name, $"kill {kill}/{options.Kills}: {OperatorsPerKill} new operators created in {Seconds(Stopwatch.GetElapsedTime(started).TotalSeconds)}");
        var before = await operators.WaitAnsweringAsync(survivors, Stopwatch.GetTimestamp(), BeforeKillLimit, $"Before kill {kill}", cancellationToken);
        if (before.Missed > 0)
        {
            Progress.Report(Name, $"kill {kill}/{options.Kills}: before it, {before.Missed} operators took {Seconds(before.After.TotalSeconds)} to answer through the survivors-to-be ({before.Failures})");
        }

        var view = await operators.ClusterAsync(cluster.Urls[Reader], cancellationToken);
        var held = view.Silos.FirstOrDefault(silo => silo.Live && silo.Name == name)?.Activations;
        Progress.Report(Name, $"kill {kill}/{options.Kills}: {name} holds {held?.ToString("N0") ?? "unknown"} activations; {operators.Ids.Count} operators answer through the others");

        var killedAt = Stopwatch.GetTimestamp();
        cluster.Kill(victim);
        var declared = DeclaredDeadAsync(cluster, victim, killedAt, cancellationToken);
        var answering = operators.WaitAnsweringAsync(survivors, killedAt, RecoveryLimit, $"After kill {kill} (of {name})", cancellationToken);
        await Task.WhenAll(declared, answering);
        var result = new KillResult(kill, name, held, await declared, await answering, operators.Ids.Count);
        Progress.Report(
            Name,
            $"kill {kill}/{options.Kills}: {name} declared dead after {Seconds(result.DeclaredDead.TotalSeconds)}, every operator answering after {Seconds(result.Answering.After.TotalSeconds)} "
            + $"({result.Answering.Missed} of {result.Operators} missed at least once; failed reads: {(result.Answering.Failures.Length == 0 ? "none" : result.Answering.Failures)})");
        return result;
    }

    private static async Task<TimeSpan> DeclaredDeadAsync(LocalCluster cluster, int victim, long killedAt, CancellationToken cancellationToken)
    {
        await cluster.WaitDeclaredDeadAsync(victim, DeclareLimit, cancellationToken);
        return Stopwatch.GetElapsedTime(killedAt);
    }

    /// <summary>
    /// Orleans settings in this process's environment, e.g. <c>Orleans__Directory__RangeLeaseDuration=00:00:05</c>: the
    /// silos inherit them, so a run with any measures them instead of the defaults, and its rows say so.
    /// </summary>
    private static List<string> OverriddenSettings()
    {
        var variables = Environment.GetEnvironmentVariables();
        return
        [
            .. variables.Keys.OfType<string>()
                .Where(key => key.StartsWith("Orleans__", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(key => $"{key}={variables[key]}"),
        ];
    }

    /// <summary><c>reports/failover-logs</c>, without the logs of an earlier run: a restart's log is named after the silo and its life, and an earlier run may have had more.</summary>
    private static string EmptyLogFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(ReportFile.Folder, "failover-logs"));
        foreach (var log in folder.EnumerateFiles("*.log"))
        {
            log.Delete();
        }

        return folder.FullName;
    }

    private static SuiteResult Result(RoundResults<KillResult> result, IReadOnlyList<string> overridden, string server, string logs)
    {
        var kills = result.Rounds;
        var defaults = overridden.Count == 0;
        var label = $"failover over {kills.Count} kill{(kills.Count == 1 ? "" : "s")} with {(defaults ? "default settings" : string.Join(", ", overridden))}";
        TimeSpan Median(Func<KillResult, TimeSpan> figure) => TimeSpan.FromSeconds(result.Median(kill => figure(kill).TotalSeconds));
        var table = new TextTable(
            ["kill", "silo killed", "activations it held", "declared dead after", "grains answering after", "operators read", "missed at least once", "probe rounds", "failed reads"],
            [true, false, true, true, true, true, true, true, false]);
        foreach (var kill in kills)
        {
            table.Add(
                Figures.Count(kill.Number),
                kill.Victim,
                kill.Activations is { } activations ? Figures.Count(activations) : "–",
                Seconds(kill.DeclaredDead.TotalSeconds),
                Seconds(kill.Answering.After.TotalSeconds),
                Figures.Count(kill.Operators),
                Figures.Count(kill.Answering.Missed),
                Figures.Count(kill.Answering.Rounds),
                kill.Answering.Failures.Length == 0 ? "none" : kill.Answering.Failures);
        }

        var relapses = kills.Sum(kill => kill.Answering.Relapses);
        var unmissed = kills.Where(kill => kill.Answering.Missed == 0).Select(kill => kill.Number).ToList();
        return new SuiteResult(
            [
                ResultRow.Seconds($"{label}: median", Median(kill => kill.Answering.After), Median(kill => kill.DeclaredDead), "declared dead", defaults ? Target : null),
                ResultRow.Seconds($"{label}: min", kills.Min(kill => kill.Answering.After), kills.Min(kill => kill.DeclaredDead), "declared dead", null),
                ResultRow.Seconds($"{label}: max", kills.Max(kill => kill.Answering.After), kills.Max(kill => kill.DeclaredDead), "declared dead", null),
            ],
            [
                $"Failover: {Silos} silo processes (`dotnet Helpdesk.Silo.dll`, started by the load generator's `LocalCluster` as `deploy/local-cluster.sh` starts them) on one PostgreSQL schema, Microsoft Orleans {OrleansVersion()}, "
                + (defaults
                    ? "with the product's default settings: nothing set under `Orleans:` (no `Orleans__*` variable in the environment, none in the silo's `appsettings.json`). "
                    : $"with the product's default settings but for {string.Join(", ", overridden)} from the environment, which the silos inherit; the target is for the defaults only. ")
                + $"Before each kill, {OperatorsPerKill} new operators of one department are created through the {Silos} silos in turn (`POST /api/operators`; Orleans places a new grain on the silo its first call arrives at unless that one is busier), every operator so far answers `GET /api/operators/{{id}}` with 200 through the two silos to survive, and `GET /api/cluster` on silo{Reader + 1} gives the activations the victim holds. "
                + $"The victim, silo2 and silo3 in turn (never silo{Reader + 1}, whose view is read), is killed with SIGKILL and, but for the last, restarted under its name once it is declared dead and its grains answer; it has joined before the next kill, so each kill is one of {Silos}.",
                $"Grains answering after: from the kill to the end of the first round in which every operator created so far answered `GET /api/operators/{{id}}` with 200, confirmed by the next round. A round reads them all side by side through the two survivors (each operator through the other survivor in the next round) and starts at most every {ProbeOperators.RoundPeriod.TotalMilliseconds:0} ms; "
                + $"a read counts only as a 200 within {ProbeOperators.AnswerLimit.TotalSeconds:0} s: a 503 (with `Retry-After`, while calls to the dead silo fail), a timeout (a survivor holds the call, e.g. while the grain may not yet be activated elsewhere) or anything else is a miss. A read a survivor holds is answered as soon as its grain can be activated, so the figure is late by less than a round: {ProbeOperators.RoundPeriod.TotalMilliseconds:0} ms when reads are answered at once, up to {ProbeOperators.AnswerLimit.TotalSeconds:0} s when they time out. "
                + $"Rounds that answered in full and were not confirmed: {(relapses == 0 ? "none" : relapses.ToString("N0"))}.",
                $"Declared dead after: from the kill until a survivor's membership no longer counts the victim active (`LocalCluster.WaitDeclaredDeadAsync`: `GET /api/cluster` on a survivor, every 100 ms once it answers; while the victim still counts, that request waits on the victim's statistics and may take up to 2 s). It is the \"ceiling\" column: no grain of the victim can answer from a survivor before the survivors know it dead, so the ratio says how much of the failover is detection and how much comes after it. "
                + "What comes after it is in the silos' logs: `Grains in the range … have been put under a lease until …` is Orleans' distributed grain directory keeping the dead silo's grains from activating elsewhere until `Orleans:Directory:RangeLeaseDuration` has passed since the silo's estimated failure.",
                $"Per kill, grains answering after {result.Spread(kill => kill.Answering.After.TotalSeconds, "N1")} s, declared dead after {result.Spread(kill => kill.DeclaredDead.TotalSeconds, "N1")} s. "
                + $"Missed at least once: operators with a read that failed after the kill, about those the victim held{(unmissed.Count == 0 ? "" : $"; in kill{(unmissed.Count == 1 ? "" : "s")} {string.Join(", ", unmissed)} none missed, so the victim held none of them and the figure is one round")}.",
                $"PostgreSQL: {server}. The silos' logs (membership at Information: who suspected whom, when it was declared dead) are in {logs}.",
            ],
            [new SuiteDetail($"Failover, each kill ({Silos} silos, {OperatorsPerKill} new operators before each)", table)]);
    }

    private static string Seconds(double seconds) => $"{seconds:N1} s";

    private static string OrleansVersion()
    {
        var version = typeof(IGrainFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return version.Split(' ', '+')[0].TrimEnd('.');
    }
}
