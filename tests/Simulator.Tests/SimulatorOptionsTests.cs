namespace Helpdesk.Simulator.Tests;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Without_arguments_every_study_runs_thirty_replications_of_a_day()
    {
        Assert.True(SimulatorOptions.TryParse([], out var options, out var error), error);

        Assert.Equal(new SimulatorOptions(null, 30, 24, 500, 1), options);
        Assert.True(options.Runs("calibration") && options.Runs("policies") && options.Runs("karma"));
    }

    [Fact]
    public void Only_runs_the_one_study_named()
    {
        Assert.True(SimulatorOptions.TryParse(["--only", "karma", "--replications", "3", "--hours", "2.5", "--seed", "9"], out var options, out var error), error);

        Assert.Equal(new SimulatorOptions("karma", 3, 2.5, 500, 9), options);
        Assert.False(options.Runs("policies"));
    }

    [Fact]
    public void A_scenario_is_read_with_its_goal_and_its_results_file()
    {
        Assert.True(SimulatorOptions.TryParse(["--scenario", "monday.json", "--staff-for", "0.8/20", "--json", "out.json"], out var options, out var error), error);

        Assert.Equal(("monday.json", "0.8/20", "out.json"), (options.Scenario, options.StaffFor, options.Json));
    }

    [Theory]
    [InlineData("--only", "everything")]
    [InlineData("--replications", "1")]
    [InlineData("--replications", "101")]
    [InlineData("--hours", "0")]
    [InlineData("--hours", "1000000")]
    [InlineData("--calibration-hours", "soon")]
    [InlineData("--seed", "-1")]
    [InlineData("--staff-for", "most")]
    [InlineData("--loops", "3")]
    [InlineData("--seed")]
    public void A_bad_option_is_refused_by_name(params string[] args)
    {
        Assert.False(SimulatorOptions.TryParse(args, out _, out var error));

        Assert.Contains(args[0], error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--json", "out.json")]
    [InlineData("--staff-for", "0.8/20")]
    public void Scenario_options_need_a_scenario(params string[] args)
    {
        Assert.False(SimulatorOptions.TryParse(args, out _, out var error));

        Assert.Contains("give --scenario too", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_lists_every_option()
    {
        var options = SimulatorOptions.Command.Options.Select(option => option.Name).ToList();

        Assert.Equal(["--only", "--replications", "--hours", "--calibration-hours", "--seed", "--scenario", "--staff-for", "--json"], options.Where(name => name is not "--help" and not "--version"));
    }
}
