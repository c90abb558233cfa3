using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Departments;

public sealed class LoadMeterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void HandleTimeAveragesTheFirstFiftyConversationsThenMovesAFiftiethOfTheWayToEachNext()
    {
        var meter = new LoadMeter(Target);
        Assert.Equal(300, meter.Figures(Now, [], []).HandleTimeSeconds);

        meter.Handled(TimeSpan.FromSeconds(200));
        Assert.Equal(200, meter.Figures(Now, [], []).HandleTimeSeconds);

        meter.Handled(TimeSpan.FromSeconds(300));
        Assert.Equal(250, meter.Figures(Now, [], []).HandleTimeSeconds, precision: 9);

        for (var i = 2; i < 50; i++)
        {
            meter.Handled(TimeSpan.FromSeconds(250));
        }

        Assert.Equal(250, meter.Figures(Now, [], []).HandleTimeSeconds, precision: 9);
        meter.Handled(TimeSpan.FromSeconds(350));
        Assert.Equal(252, meter.Figures(Now, [], []).HandleTimeSeconds, precision: 9);
    }

    [Fact]
    public void TheSteadyArrivalRateSettlesOnAConstantRateFromTheFirstArrival()
    {
        var meter = new LoadMeter(Target);
        var start = Now.AddHours(-2);
        Assert.Equal(0, meter.Figures(start, [], []).SteadyArrivalsPerMinute);

        for (var at = start; at <= Now; at = at.AddSeconds(30))
        {
            meter.Arrived(at);
            if (at == start.AddMinutes(5))
            {
                Assert.InRange(meter.Figures(at, [], []).SteadyArrivalsPerMinute, 1.9, 2.3);
            }
        }

        Assert.InRange(meter.Figures(Now, [], []).SteadyArrivalsPerMinute, 1.95, 2.05);
    }

    [Fact]
    public void ASurgeShowsInTheForecastAtOnceAndALullOnlyOnceItLasts()
    {
        var meter = new LoadMeter(Target);
        for (var at = Now.AddHours(-2); at <= Now; at = at.AddSeconds(30))
        {
            meter.Arrived(at);
        }

        var surge = new LoadMeter(Target);
        for (var at = Now.AddHours(-2); at <= Now; at = at.AddSeconds(at < Now.AddMinutes(-1) ? 30 : 5))
        {
            surge.Arrived(at);
        }

        var steady = meter.Figures(Now, [], []);
        var surging = surge.Figures(Now, [], []);
        var lull = meter.Figures(Now.AddMinutes(2), [], []);
        var lasting = meter.Figures(Now.AddHours(3), [], []);

        Assert.Equal(13, surging.ArrivalsPerMinute, precision: 9);
        Assert.InRange(surging.SteadyArrivalsPerMinute, 2.15, 2.35);
        Assert.Equal(13 / 60.0, surging.ToDepartmentLoad(null).ArrivalsPerSecond, precision: 12);
        Assert.Equal(0, lull.ArrivalsPerMinute);
        Assert.InRange(lull.SteadyArrivalsPerMinute, 1.85, 1.95);
        Assert.Equal(lull.SteadyArrivalsPerMinute / 60, lull.ToDepartmentLoad(null).ArrivalsPerSecond, precision: 12);
        Assert.True(lasting.SteadyArrivalsPerMinute < 0.1, $"{lasting.SteadyArrivalsPerMinute} a minute three hours into the lull.");
        Assert.True(steady.Forecast.OfferedLoad < surging.Forecast.OfferedLoad);
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
