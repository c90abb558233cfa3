using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

public sealed class MoveForecastTests
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void LendingFromAnIdleDepartmentToASwampedOneRaisesTheCentersServiceLevel()
    {
        var idle = new DepartmentLoad(6 / 300.0, 300, 12, Target);
        var swamped = new DepartmentLoad(16 / 300.0, 300, 12, Target, 180);

        var move = MoveForecast.Of(idle, swamped);

        Assert.True(move.Gain > 0.05, $"Gain {move.Gain:P1}.");
        Assert.True(move.ToAfter.ServiceLevel > move.ToBefore.ServiceLevel);
        Assert.True(move.ToAfter.Abandonment < move.ToBefore.Abandonment);
        Assert.True(move.FromAfter.ServiceLevel > 0.95, $"The idle department keeps {move.FromAfter.ServiceLevel:P1}.");
    }

    [Fact]
    public void TheSameMoveTheOtherWayLosesService()
    {
        var idle = new DepartmentLoad(6 / 300.0, 300, 12, Target);
        var swamped = new DepartmentLoad(16 / 300.0, 300, 12, Target, 180);

        Assert.True(MoveForecast.Of(swamped, idle).Gain < 0);
    }

    [Fact]
    public void TakingTheLastOperatorOfABusyDepartmentLeavesItWithNoService()
    {
        var alone = new DepartmentLoad(0.5 / 300.0, 300, 1, Target);
        var other = new DepartmentLoad(0.5 / 300.0, 300, 5, Target);

        var move = MoveForecast.Of(alone, other);

        Assert.Equal(0, move.FromAfter.ServiceLevel);
        Assert.True(move.Gain < 0);
    }

    [Fact]
    public void WithoutArrivalsNoMoveGainsOrLoses()
    {
        var quiet = new DepartmentLoad(0, 300, 3, Target);

        Assert.Equal(0, MoveForecast.Of(quiet, quiet with { Agents = 1 }).Gain);
    }

    [Fact]
    public void AFractionalStaffIsForecastInProportionBetweenTheWholeNumbersAroundIt()
    {
        var load = new DepartmentLoad(16 / 300.0, 300, 12, Target, 180);
        var (twelve, thirteen, between) = (load.ForecastAt(12), load.ForecastAt(13), load.ForecastAt(12.25));

        Assert.Equal(load.Forecast(), twelve);
        Assert.Equal(load.Forecast(+1), thirteen);
        Assert.Equal(twelve.ServiceLevel + (0.25 * (thirteen.ServiceLevel - twelve.ServiceLevel)), between.ServiceLevel, precision: 12);
        Assert.Equal(twelve.Abandonment + (0.25 * (thirteen.Abandonment - twelve.Abandonment)), between.Abandonment, precision: 12);
        Assert.Equal(load.ForecastAt(0), load.ForecastAt(-2));
        Assert.Throws<ArgumentOutOfRangeException>(() => load.ForecastAt(double.NaN));
    }
}
