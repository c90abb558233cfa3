using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Departments;

public sealed class LoadMeterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void HandleTimeStartsFromTheFirstConversationThenMovesATenthOfTheWayToEachNext()
    {
        var meter = new LoadMeter(Target);
        Assert.Equal(300, meter.Figures(Now, [], []).HandleTimeSeconds);

        meter.Handled(TimeSpan.FromSeconds(200));
        Assert.Equal(200, meter.Figures(Now, [], []).HandleTimeSeconds);

        meter.Handled(TimeSpan.FromSeconds(300));
        Assert.Equal(210, meter.Figures(Now, [], []).HandleTimeSeconds, precision: 9);
    }

    [Fact]
    public void TheForecastUsesTheLastMinutesArrivalsTheHandleTimeAndTheOperatorsAtWork()
    {
        var meter = new LoadMeter(Target);
        for (var i = 0; i < 12; i++)
        {
            meter.Arrived(Now.AddSeconds(-i * 5));
        }

        meter.Handled(TimeSpan.FromSeconds(150));
        var figures = meter.Figures(Now, [Member("a", busy: true), Member("b", busy: true), Member("c", busy: false), Member("d", Presence.Offline)], []);

        Assert.Equal(12, figures.ArrivalsPerMinute);
        Assert.Equal((3, 2), (figures.OperatorsAtWork, figures.BusyOperators));
        Assert.Equal(30, figures.Forecast.OfferedLoad, precision: 9);
        Assert.Equal(0, figures.Forecast.ServiceLevel);
        Assert.Null(figures.Forecast.AverageSpeedOfAnswerSeconds);
    }

    [Fact]
    public void AStaffedQuietDepartmentForecastsNearlyEveryContactAnsweredWithinTheTarget()
    {
        var meter = new LoadMeter(Target);
        meter.Arrived(Now.AddSeconds(-10));
        meter.Handled(TimeSpan.FromSeconds(30));

        var forecast = meter.Figures(Now, [Member("a", busy: false), Member("b", busy: false)], []).Forecast;

        Assert.True(forecast.ServiceLevel > 0.95, $"Service level {forecast.ServiceLevel:P2}.");
        Assert.True(forecast.AverageSpeedOfAnswerSeconds < 2.5, $"Mean wait {forecast.AverageSpeedOfAnswerSeconds} s.");
    }

    [Fact]
    public void TheQueueIsCountedPerPriority()
    {
        var meter = new LoadMeter(Target);
        WaitingContact[] queue = [Waiting("x", 1), Waiting("y", 5), Waiting("z", 5)];

        Assert.Equal(new Dictionary<int, int> { [1] = 1, [5] = 2 }, meter.Figures(Now, [], queue).QueueByPriority);
    }

    private static MemberView Member(string id, Presence presence = Presence.Available, bool busy = false) =>
        new(id, Line.L1, new Dictionary<string, int>(), presence, new Dictionary<Channel, int> { [Channel.Phone] = busy ? 0 : 1 }, busy ? 1 : 0, 0, true, Now, 1);

    private static WaitingContact Waiting(string id, int priority) =>
        new(id, "cust", Channel.Phone, priority, Line.L1, Line.L1, null, 0, 0, false, null, [], null, Now, Now);
}
