using Helpdesk.Runtime.Reminders;

namespace Helpdesk.Runtime.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Due = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OneShotReminderHasNoNextTick() =>
        Assert.Null(ReminderSchedule.NextDue(Due, TimeSpan.Zero, Due));

    [Fact]
    public void PeriodicReminderDeliveredOnTimeMovesOnePeriod() =>
        Assert.Equal(Due.AddSeconds(10), ReminderSchedule.NextDue(Due, TimeSpan.FromSeconds(10), Due.AddMilliseconds(300)));

    [Fact]
    public void MissedTicksAreSkippedAndTheCadenceIsKept() =>
        Assert.Equal(Due.AddSeconds(40), ReminderSchedule.NextDue(Due, TimeSpan.FromSeconds(10), Due.AddSeconds(35)));

    [Fact]
    public void ATickLandingExactlyOnNowIsInThePast() =>
        Assert.Equal(Due.AddSeconds(30), ReminderSchedule.NextDue(Due, TimeSpan.FromSeconds(10), Due.AddSeconds(20)));
}
