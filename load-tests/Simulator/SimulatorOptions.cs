using System.Globalization;

namespace Helpdesk.Simulator;

/// <summary>What to simulate and how long, from the command line.</summary>
/// <param name="Only">One study, or <see langword="null"/> for all three.</param>
/// <param name="Replications">Seeded replications of each scenario.</param>
/// <param name="Hours">Simulated hours measured per replication of the policy and karma studies.</param>
/// <param name="CalibrationHours">Simulated hours measured per replication of the calibration.</param>
/// <param name="Seed">The first seed; replication i uses seed + i.</param>
/// <param name="Scenario">A center's own scenario file to run instead of the studies.</param>
/// <param name="Json">Where to write a scenario's results as JSON.</param>
/// <param name="StaffFor">For a scenario, the goal to staff for, e.g. <c>0.8/20</c>, instead of running it as it is staffed.</param>
internal sealed record SimulatorOptions(string? Only, int Replications, double Hours, double CalibrationHours, int Seed, string? Scenario = null, string? Json = null, string? StaffFor = null)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project load-tests/Simulator -- [--only calibration|policies|karma] [--replications <n>] [--hours <h>] [--calibration-hours <h>] [--seed <n>]
               dotnet run -c Release --project load-tests/Simulator -- --scenario <file.json> [--staff-for <share>/<seconds>] [--json <results.json>]
          --scenario           run a center's own scenario (its schema is in the README) under each of its policies, instead of the studies;
                               its replications, hours and seed come from the file
          --staff-for          the fewest operators per department that answer the share within the seconds (e.g. 0.8/20) under the
                               scenario's first policy, searched by simulation from Erlang A's answer, printed beside it
          --json               write the scenario's results (or the staffing found) there as JSON
          --only               run one study; without it, all three
          --replications       seeded replications of each scenario (default 10; at least 2 for confidence intervals)
          --hours              simulated hours measured per replication of the policy and karma studies (default 24)
          --calibration-hours  simulated hours measured per replication of the calibration (default 1500)
          --seed               the first seed (default 1)
        The report goes to load-tests/Simulator/reports/simulation.md (a scenario's to reports/<its name>.md), with its charts beside it.
        """;

    private static readonly string[] Studies = ["calibration", "policies", "karma"];

    public bool Runs(string study) => Only is null || Only == study;

    public static bool TryParse(string[] args, out SimulatorOptions options, out string error)
    {
        options = new SimulatorOptions(null, 10, 24, 1500, 1);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--only" when value is not null && Studies.Contains(value):
                    options = options with { Only = value };
                    break;
                case "--replications" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var replications) && replications is >= 2 and <= 100:
                    options = options with { Replications = replications };
                    break;
                case "--hours" when HoursOf(value) is { } hours:
                    options = options with { Hours = hours };
                    break;
                case "--calibration-hours" when HoursOf(value) is { } hours:
                    options = options with { CalibrationHours = hours };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--scenario" when !string.IsNullOrWhiteSpace(value):
                    options = options with { Scenario = value };
                    break;
                case "--json" when !string.IsNullOrWhiteSpace(value):
                    options = options with { Json = value };
                    break;
                case "--staff-for" when Planning.StaffingSearch.TryParseGoal(value, out _, out _):
                    options = options with { StaffFor = value };
                    break;
                default:
                    error = $"Unknown option or bad value: {args[i]} {value}".TrimEnd();
                    return false;
            }

            i++;
        }

        if ((options.Json ?? options.StaffFor) is not null && options.Scenario is null)
        {
            error = "--json and --staff-for work on a scenario: give --scenario too.";
            return false;
        }

        return true;
    }

    /// <summary>Between 1 and 100,000 simulated hours, so a run always ends.</summary>
    private static double? HoursOf(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= 100_000 ? hours : null;
}
