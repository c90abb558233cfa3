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
    public static MissedCallDecision Decide(DateTimeOffset missedAt, DateTimeOffset now, string? reachedIn, WorkCalendar calendar) =>
        throw new NotImplementedException();
}
