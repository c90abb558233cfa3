using System.Globalization;
using Helpdesk.Benchmarks.Boards;
using Helpdesk.Benchmarks.Contacts;
using Helpdesk.Benchmarks.Failover;
using Helpdesk.Benchmarks.Routing;

namespace Helpdesk.Benchmarks;

/// <summary>What to run and for how long, from the command line.</summary>
internal sealed record BenchmarkOptions(TimeSpan Duration, TimeSpan Warmup, int Rounds, Suite Only, int Kills = FailoverSuite.DefaultKills)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project load-tests/Benchmarks -- [--duration <seconds>] [--warmup <seconds>] [--rounds <n>] [--only calls|cross-silo|writes|routing|contacts|boards|failover] [--kills <n>]
          --duration  seconds of each measured run (default 3)
          --warmup    seconds of the warm-up run of each side before its measured runs (default 2)
          --rounds    measured runs of each side, interleaved with the other side's; figures are their median (default 3)
          --only      run one suite: calls (in-process grain calls), cross-silo (grain calls between two silos in one process),
                      writes (durable writes on PostgreSQL),
                      routing (contact created → operator reserved through the grains, 2,000 operators, 200 contacts/s),
                      contacts (POST /api/contacts over HTTP on one silo, in memory and on PostgreSQL),
                      boards (POST /api/contacts with no wallboard and with 10 open; a board's rendering in Chromium)
                      or failover (kill -9 of one of three silo processes on PostgreSQL, until its grains answer from the survivors);
                      without it, all of them but failover, which runs alone: it starts and kills silo processes (about 2 min)
          --kills     silos the failover suite kills, one at a time, each restarted before the next (default 10)
        Reports go to load-tests/Benchmarks/reports/: routing.md, contacts.md, boards.md and failover.md for those suites alone, runtime.md otherwise;
        the failover suite's silos log to load-tests/Benchmarks/reports/failover-logs/.
        """;

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

    public static bool TryParse(string[] args, out BenchmarkOptions options, out string error)
    {
        options = new BenchmarkOptions(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), 3, Suite.All);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--duration" when TrySeconds(value, out var duration):
                    options = options with { Duration = duration };
                    i++;
                    break;
                case "--warmup" when TrySeconds(value, out var warmup):
                    options = options with { Warmup = warmup };
                    i++;
                    break;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds is >= 1 and <= MaxRounds:
                    options = options with { Rounds = rounds };
                    i++;
                    break;
                case "--only" when ParseSuite(value) is { } only:
                    options = options with { Only = only };
                    i++;
                    break;
                case "--kills" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kills) && kills is >= 1 and <= MaxKills:
                    options = options with { Kills = kills };
                    i++;
                    break;
                case "--duration" or "--warmup":
                    error = $"{args[i]} needs a number of seconds above 0 and at most {MaxRun.TotalSeconds}; got '{value}'.";
                    return false;
                case "--rounds":
                    error = $"--rounds needs a whole number from 1 to {MaxRounds}; got '{value}'.";
                    return false;
                case "--kills":
                    error = $"--kills needs a whole number from 1 to {MaxKills}; got '{value}'.";
                    return false;
                case "--only":
                    error = $"--only takes 'calls', 'cross-silo', 'writes', 'routing', 'contacts', 'boards' or 'failover'; got '{value}'.";
                    return false;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return false;
            }
        }

        return true;
    }

    private static Suite? ParseSuite(string? name) => name switch
    {
        "calls" => Suite.Calls,
        "cross-silo" => Suite.CrossSilo,
        "writes" => Suite.Writes,
        "routing" => Suite.Routing,
        "contacts" => Suite.Contacts,
        "boards" => Suite.Boards,
        "failover" => Suite.Failover,
        _ => null,
    };

    private static bool TrySeconds(string? text, out TimeSpan seconds)
    {
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0
            && value <= MaxRun.TotalSeconds;
        seconds = parsed ? TimeSpan.FromSeconds(value) : TimeSpan.Zero;
        return parsed;
    }
}
