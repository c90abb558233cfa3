using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Tests.Results;

public sealed class GiniTests
{
    [Fact]
    public void An_even_spread_is_0() => Assert.Equal(0, Gini.Of([3, 3, 3, 3]), 12);

    [Fact]
    public void One_holding_everything_of_four_is_three_quarters() => Assert.Equal(0.75, Gini.Of([0, 0, 0, 8]), 12);

    [Fact]
    public void One_to_five_gives_four_fifteenths() => Assert.Equal(4.0 / 15, Gini.Of([5, 1, 4, 2, 3]), 12);

    [Fact]
    public void Nothing_at_all_is_even() => Assert.Equal(0, Gini.Of([0, 0]));
}
