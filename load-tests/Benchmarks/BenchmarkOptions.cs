using System.CommandLine;
using Helpdesk.Benchmarks.Boards;
using Helpdesk.Benchmarks.Contacts;
using Helpdesk.Benchmarks.Failover;
using Helpdesk.Benchmarks.Routing;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.Benchmarks;

/// <summary>What to run and for how long, from the command line.</summary>
internal sealed record BenchmarkOptions(TimeSpan Duration, TimeSpan Warmup, int Rounds, Suite Only, int Kills = FailoverSuite.DefaultKills)
{
    private const int MaxRounds = 20;

    private const int MaxKills = 50;

    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(2);

    /// <summary>Whether <paramref name="suite"/> runs: chosen alone, or in a run of them all unless it is the failover suite.</summary>
    public bool Runs(Suite suite) => Only == suite || (Only == Suite.All && suite != Suite.Failover);

    /// <summary>A hard limit for the whole run, so a hang fails instead of running forever.</summary>
    public TimeSpan TimeLimit =>
        TimeSpan.FromMinutes(3) + (16 * (Warmup + (Rounds * Duration)))
        + (Runs(Suite.Routing) ? RoutingSuite.TimeLimit(this) : TimeSpan.Zero)
        + (Runs(Suite.Contacts) ? ContactSuite.TimeLimit(this) : TimeSpan.Zero)
        + (Runs(Suite.Boards) ? BoardSuite.TimeLimit(this) : TimeSpan.Zero)
        + (Runs(Suite.Failover) ? FailoverSuite.TimeLimit(this) : TimeSpan.Zero);

    private static readonly Option<double> DurationOption = Seconds("--duration", "Seconds of each measured run.").Default(3);

    private static readonly Option<double> WarmupOption = Seconds("--warmup", "Seconds of the warm-up run of each side before its measured runs.").Default(2);

    private static readonly Option<long> RoundsOption =
        ToolCommand.Whole("--rounds", "Measured runs of each side, interleaved with the other side's; figures are their median.", 1, MaxRounds).Default(3);

    private static readonly Option<Suite> OnlyOption = ToolCommand.Choice(
        "--only",
        "Run one suite: calls (in-process grain calls), cross-silo (grain calls between two silos in one process), writes (durable writes on PostgreSQL), "
        + "routing (contact created → operator reserved through the grains, 2,000 operators, 200 contacts/s), contacts (POST /api/contacts over HTTP on one silo, in memory and on PostgreSQL), "
        + "boards (POST /api/contacts with no wallboard and with 10 open; a board's rendering in Chromium) or failover (kill -9 of one of three silo processes on PostgreSQL, until its grains answer from the survivors); "
        + "without it, all of them but failover, which runs alone: it starts and kills silo processes (about 2 min).",
        [("calls", Suite.Calls), ("cross-silo", Suite.CrossSilo), ("writes", Suite.Writes), ("routing", Suite.Routing), ("contacts", Suite.Contacts), ("boards", Suite.Boards), ("failover", Suite.Failover)],
        "suite");

    private static readonly Option<long> KillsOption =
        ToolCommand.Whole("--kills", "Silos the failover suite kills, one at a time, each restarted before the next.", 1, MaxKills).Default(FailoverSuite.DefaultKills);

    /// <summary>The command line: its options, checks and generated help.</summary>
    public static RootCommand Command { get; } = new(
        "Measures Orleans and the contact center against bare ceilings on the same machine. Reports go to load-tests/Benchmarks/reports/: routing.md, contacts.md, boards.md and failover.md for those suites alone, runtime.md otherwise; "
        + "the failover suite's silos log to load-tests/Benchmarks/reports/failover-logs/.")
    {
        DurationOption, WarmupOption, RoundsOption, OnlyOption, KillsOption,
    };

    /// <summary>Reads the command line; a bad option or value is refused, naming it.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out BenchmarkOptions options, out string error) =>
        ToolCommand.TryParse(
            Command,
            args,
            result => (new BenchmarkOptions(
                TimeSpan.FromSeconds(result.GetValue(DurationOption)),
                TimeSpan.FromSeconds(result.GetValue(WarmupOption)),
                (int)result.GetValue(RoundsOption),
                result.Given(OnlyOption) ? result.GetValue(OnlyOption) : Suite.All,
                (int)result.GetValue(KillsOption)), null),
            out options,
            out error);

    private static Option<double> Seconds(string name, string description) =>
        ToolCommand.Number(name, description, $"needs a number of seconds above 0 and at most {MaxRun.TotalSeconds}", 0, MaxRun.TotalSeconds, helpName: "seconds");
}
