using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Sla;

/// <summary>A department's SLA: thresholds per status and priority, measured on its calendar.</summary>
/// <param name="Calendar">The working time thresholds count; <see cref="WorkCalendar.AlwaysOpen"/> for wall time.</param>
/// <param name="Rules">Rules per status; one with a priority wins over one without for that priority.</param>
/// <param name="FollowUpAfter">How long after a proposed solution the first line chases a silent customer, in the calendar's time.</param>
public sealed record SlaPolicy(WorkCalendar Calendar, IReadOnlyList<SlaRule> Rules, TimeSpan FollowUpAfter)
{
    /// <summary>
    /// Wall time. Queued: warning 30 s, violation 2 min, critical 5 min (re-dispatch). Offered: warning 30 s.
    /// In progress: warning 15 min, violation 30 min, critical 1 h (raise priority). Waiting for customer: warning 1 day,
    /// violation 3 days. In development: violation 5 days. Solution proposed: warning 2 days. Follow-up after 2 days.
    /// </summary>
    public static SlaPolicy Default => throw new NotImplementedException();

    /// <summary>The thresholds of <paramref name="status"/> at <paramref name="priority"/>; empty when no rule times it.</summary>
    public IReadOnlyList<SlaThreshold> ThresholdsFor(ContactStatus status, int priority) => throw new NotImplementedException();

    /// <summary>When each threshold of a status entered at <paramref name="enteredAt"/> is crossed, in degree order.</summary>
    public IReadOnlyList<SlaDeadline> Deadlines(ContactStatus status, int priority, DateTimeOffset enteredAt) => throw new NotImplementedException();

    /// <summary>Why the policy is unusable, or <see langword="null"/>: more than three thresholds, degrees or times out of order, negative times.</summary>
    public string? Problem() => throw new NotImplementedException();
}
