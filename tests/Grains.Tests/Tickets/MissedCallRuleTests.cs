using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Helpdesk.Grains.Tickets;

namespace Helpdesk.Grains.Tests.Tickets;

/// <summary>The missed-call regulation: a link where the customer was reached, else a phone callback while fresh and an e-mail after.</summary>
public sealed class MissedCallRuleTests
{
    /// <summary>Office hours (Monday to Friday, 09:00–18:00 UTC) with Christmas off: Thursday 25 and Friday 26 December 2025.</summary>
    private static readonly WorkCalendar Calendar = WorkCalendar.OfficeHours with
    {
        Holidays = [new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)],
    };

    [Fact]
    public void CustomerReachedAfterTheCallClosesItByALinkToThatTicketNow()
    {
        var missedAt = At(3, 10, 10, 0);
        var now = At(3, 10, 11, 0);

        var decision = MissedCallRule.Decide(missedAt, now, "ticket-42", Calendar);

        Assert.Equal("ticket-42", decision.LinkedTo);
        Assert.Equal(now, decision.DueAt);
        Assert.Equal("The customer was already reached in ticket ticket-42 after the call.", decision.Reason);
    }

    [Fact]
    public void LinkIsDueNowEvenOutsideWorkingHoursAndHoweverOldTheCall()
    {
        var saturday = At(3, 15, 12, 0);

        var decision = MissedCallRule.Decide(At(3, 3, 10, 0), saturday, "ticket-7", Calendar);

        Assert.Equal("ticket-7", decision.LinkedTo);
        Assert.Equal(saturday, decision.DueAt);
    }

    [Fact]
    public void FreshCallNotReachedInWorkingTimeGetsAPhoneCallbackNow()
    {
        var now = At(3, 10, 11, 0);

        var decision = MissedCallRule.Decide(At(3, 10, 10, 0), now, null, Calendar);

        Assert.Null(decision.LinkedTo);
        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Equal(now, decision.DueAt);
        Assert.Equal("The customer has not been reached since the call, which is 0 working days old: call them back.", decision.Reason);
    }

    [Fact]
    public void CallNotReachedOutsideWorkingHoursIsDueWhenTheNextWorkingHoursStart()
    {
        var decision = MissedCallRule.Decide(At(3, 10, 17, 50), At(3, 10, 19, 0), null, Calendar);

        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Equal(At(3, 11, 9, 0), decision.DueAt);
    }

    [Fact]
    public void CallTwoWorkingDaysOldIsStillCalledBack()
    {
        var decision = MissedCallRule.Decide(At(3, 10, 10, 0), At(3, 12, 17, 0), null, Calendar);

        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Contains("2 working days old", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CallOlderThanTwoWorkingDaysIsAnsweredByEmail()
    {
        var now = At(3, 13, 9, 0);

        var decision = MissedCallRule.Decide(At(3, 10, 17, 59), now, null, Calendar);

        Assert.Null(decision.LinkedTo);
        Assert.Equal(Channel.Email, decision.Channel);
        Assert.Equal(now, decision.DueAt);
        Assert.Equal(
            "The customer has not been reached since the call, which is 3 working days old, too old to call back: write to them by e-mail.",
            decision.Reason);
    }

    [Fact]
    public void CallMissedOnFridayIsStillCalledBackByPhoneOnMonday()
    {
        var monday = At(3, 17, 10, 0);

        var decision = MissedCallRule.Decide(At(3, 14, 17, 45), monday, null, Calendar);

        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Equal(monday, decision.DueAt);
        Assert.Contains("1 working day old", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CallMissedOnFridayAndDecidedAtTheWeekendIsDueMondayMorningByPhone()
    {
        var decision = MissedCallRule.Decide(At(3, 14, 17, 45), At(3, 16, 20, 0), null, Calendar);

        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Equal(At(3, 17, 9, 0), decision.DueAt);
    }

    [Fact]
    public void CallMissedBeforeTheHolidaysIsDueOnTheFirstWorkingDayAfterThemByPhone()
    {
        var decision = MissedCallRule.Decide(At(12, 24, 16, 0), At(12, 25, 10, 0), null, Calendar);

        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.Equal(At(12, 29, 9, 0), decision.DueAt);
    }

    [Theory]
    [InlineData(29, Channel.Phone)]
    [InlineData(30, Channel.Phone)]
    [InlineData(31, Channel.Email)]
    public void HolidaysDoNotAgeAMissedCall(int december, Channel expected)
    {
        var decision = MissedCallRule.Decide(At(12, 24, 16, 0), At(12, december, 10, 0), null, Calendar);

        Assert.Equal(expected, decision.Channel);
    }

    [Fact]
    public void AgeCountsTheDepartmentsLocalDates()
    {
        var wednesdayNightUtc = At(3, 12, 23, 30);
        var mondayMorning = At(3, 17, 8, 0);
        var berlin = Calendar with { TimeZone = "Europe/Berlin" };

        Assert.Equal(Channel.Phone, MissedCallRule.Decide(wednesdayNightUtc, mondayMorning, null, berlin).Channel);
        Assert.Equal(Channel.Email, MissedCallRule.Decide(wednesdayNightUtc, mondayMorning, null, Calendar).Channel);
    }

    [Fact]
    public void BlankTicketIsNotAPlaceWhereTheCustomerWasReached()
    {
        Assert.Throws<ArgumentException>(() => MissedCallRule.Decide(At(3, 10, 10, 0), At(3, 10, 11, 0), " ", Calendar));
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);
}
