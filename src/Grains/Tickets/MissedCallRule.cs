using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Tickets;

/// <summary>The missed-call regulation: every missed call ends closed, by a link to where the customer was reached or by a callback.</summary>
public static class MissedCallRule
{
    /// <summary>The most working days a missed call may age and still get a phone callback.</summary>
    public const int FreshWorkingDays = 2;

    /// <summary>Decides how to close a call missed at <paramref name="missedAt"/>.</summary>
    /// <param name="missedAt">When the call was missed.</param>
    /// <param name="now">Now.</param>
    /// <param name="reachedIn">A ticket with the customer created after <paramref name="missedAt"/>, if any.</param>
    /// <param name="calendar">The department's working time.</param>
    /// <remarks>
    /// A callback is due now in working time, else when the next working hours start. The call's age is counted in
    /// working days from the day it was missed to the day the callback is due (local dates), so a call missed before a
    /// weekend or a holiday is still fresh on the first working day after it. A link is due now and keeps the missed
    /// call's channel, the phone.
    /// </remarks>
    public static MissedCallDecision Decide(DateTimeOffset missedAt, DateTimeOffset now, string? reachedIn, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (reachedIn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reachedIn);
            return new MissedCallDecision(reachedIn, Channel.Phone, now, $"The customer was already reached in ticket {reachedIn} after the call.");
        }

        var dueAt = calendar.NextWorkingTime(now);
        var age = calendar.WorkingDaysBetween(calendar.LocalDate(missedAt), calendar.LocalDate(dueAt));
        var old = age == 1 ? "1 working day old" : $"{age} working days old";
        return age <= FreshWorkingDays
            ? new MissedCallDecision(null, Channel.Phone, dueAt, $"The customer has not been reached since the call, which is {old}: call them back.")
            : new MissedCallDecision(
                null,
                Channel.Email,
                dueAt,
                $"The customer has not been reached since the call, which is {old}, too old to call back: write to them by e-mail.");
    }
}
