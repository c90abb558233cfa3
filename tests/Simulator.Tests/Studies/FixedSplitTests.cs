using Helpdesk.Simulator.Studies;

namespace Helpdesk.Simulator.Tests.Studies;

public sealed class FixedSplitTests
{
    [Fact]
    public void Even_loads_split_evenly()
    {
        var best = FixedSplit.Best([10, 10, 10, 10], 48, 300, 180, TimeSpan.FromSeconds(20));

        Assert.Equal([12, 12, 12, 12], best.Agents);
    }

    [Fact]
    public void The_surge_gets_the_most_operators_and_no_split_reaches_ninety_percent()
    {
        var best = FixedSplit.Best([16, 10, 8, 6], 48, 300, 180, TimeSpan.FromSeconds(20));

        Assert.Equal(48, best.Agents.Sum());
        Assert.Equal(best.Agents.Max(), best.Agents[0]);
        Assert.InRange(best.ServiceLevel, 0.75, 0.85);
    }
}
