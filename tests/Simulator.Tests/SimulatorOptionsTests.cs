namespace Helpdesk.Simulator.Tests;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Without_arguments_every_study_runs_ten_replications_of_a_day()
    {
        Assert.True(SimulatorOptions.TryParse([], out var options, out _));

        Assert.Equal(new SimulatorOptions(null, 10, 24, 1500, 1), options);
        Assert.True(options.Runs("calibration") && options.Runs("policies") && options.Runs("karma"));
    }

    [Fact]
    public void Only_runs_the_one_study_named()
    {
        Assert.True(SimulatorOptions.TryParse(["--only", "karma", "--replications", "3", "--hours", "2.5", "--seed", "9"], out var options, out _));

        Assert.Equal(new SimulatorOptions("karma", 3, 2.5, 1500, 9), options);
        Assert.False(options.Runs("policies"));
    }

    [Theory]
    [InlineData("--only", "everything")]
    [InlineData("--replications", "1")]
    [InlineData("--hours", "0")]
    [InlineData("--hours", "1000000")]
    [InlineData("--loops", "3")]
    [InlineData("--seed")]
    public void A_bad_option_is_refused_by_name(params string[] args)
    {
        Assert.False(SimulatorOptions.TryParse(args, out _, out var error));

        Assert.Contains(args[0], error, StringComparison.Ordinal);
    }
}
