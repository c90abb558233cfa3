using System.CommandLine;
using Helpdesk.LoadTests.Shared;
using Helpdesk.Simulator.Planning;

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
    private static readonly Option<string> OnlyOption = ToolCommand.Choice<string>(
        "--only", "Run one study; without it, all three.", [("calibration", "calibration"), ("policies", "policies"), ("karma", "karma")]);

    private static readonly Option<long> ReplicationsOption =
        ToolCommand.Whole("--replications", "Seeded replications of each scenario (at least 2 for confidence intervals).", 2, 100).Default(30);

    private static readonly Option<double> HoursOption = HoursOf("--hours", "Simulated hours measured per replication of the policy and karma studies.").Default(24);

    private static readonly Option<double> CalibrationHoursOption = HoursOf("--calibration-hours", "Simulated hours measured per replication of the calibration.").Default(500);

    private static readonly Option<long> SeedOption = ToolCommand.Whole("--seed", "The first seed; replication i uses seed + i.", 0, int.MaxValue).Default(1);

    private static readonly Option<string> ScenarioOption = ToolCommand.Text(
        "--scenario", "FILE", "Run a center's own scenario (its schema is in the README) under each of its policies, instead of the studies; its replications, hours and seed come from the file.");

    private static readonly Option<string> JsonOption = ToolCommand.Text("--json", "FILE", "Write the scenario's results (or the staffing found) there as JSON.");

    private static readonly Option<string> StaffForOption = ToolCommand.Checked<string>(
        "--staff-for",
        "The fewest operators per department that answer the share within the seconds (e.g. 0.8/20) under the scenario's first policy, searched by simulation from Erlang A's answer, printed beside it.",
        "needs a share and seconds, e.g. 0.8/20",
        text => (StaffingSearch.TryParseGoal(text, out _, out _), text),
        "share/seconds");

    /// <summary>The command line: its options, checks and generated help.</summary>
    public static RootCommand Command { get; } = new(
        "Simulates a contact center in virtual time with the silos' own routing, karma and balancer rules. The report goes to load-tests/Simulator/reports/simulation.md (a scenario's to reports/<its name>.md), with its charts beside it.")
    {
        OnlyOption, ReplicationsOption, HoursOption, CalibrationHoursOption, SeedOption, ScenarioOption, StaffForOption, JsonOption,
    };

    public bool Runs(string study) => Only is null || Only == study;

    /// <summary>Reads the command line; a bad option or value is refused, naming it.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SimulatorOptions options, out string error) =>
        ToolCommand.TryParse(Command, args, Bind, out options, out error);

    private static (SimulatorOptions, string?) Bind(ParseResult result)
    {
        var options = new SimulatorOptions(
            result.GetValue(OnlyOption),
            (int)result.GetValue(ReplicationsOption),
            result.GetValue(HoursOption),
            result.GetValue(CalibrationHoursOption),
            (int)result.GetValue(SeedOption),
            result.GetValue(ScenarioOption),
            result.GetValue(JsonOption),
            result.GetValue(StaffForOption));
        return (options.Json ?? options.StaffFor) is not null && options.Scenario is null
            ? (options, "--json and --staff-for work on a scenario: give --scenario too.")
            : (options, null);
    }

    /// <summary>Between 1 and 100,000 simulated hours, so a run always ends.</summary>
    private static Option<double> HoursOf(string name, string description) =>
        ToolCommand.Number(name, description, "needs a number of hours from 1 to 100000", 1, 100_000, inclusive: true, "hours");
}
