using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Sla;

/// <summary>A department's SLA: thresholds per status and priority, measured on its calendar.</summary>
/// <param name="Calendar">The working time thresholds count; <see cref="WorkCalendar.AlwaysOpen"/> for wall time.</param>
/// <param name="Rules">Rules per status; one with a priority wins over one without for that priority.</param>
/// <param name="FollowUpAfter">How long after a proposed solution the first line chases a silent customer, in the calendar's time.</param>
[GenerateSerializer, Alias("helpdesk.SlaPolicy")]
public sealed record SlaPolicy(
    [property: Id(0)] WorkCalendar Calendar,
    [property: Id(1)] IReadOnlyList<SlaRule> Rules,
    [property: Id(2)] TimeSpan FollowUpAfter)
{
    /// <summary>The most thresholds one rule may have: one per degree.</summary>
    public const int MaxThresholds = 3;

    /// <summary>
    /// Wall time. Queued: warning 30 s, violation 2 min, critical 5 min (re-dispatch).
    /// In progress: warning 15 min, violation 30 min, critical 1 h (raise priority). Waiting for customer: warning 1 day,
    /// violation 3 days. In development: violation 5 days. Solution proposed: warning 2 days. Follow-up after 2 days.
    /// </summary>
    /// <remarks>Every rule holds for any priority; thresholds without an action in brackets only notify. Offers are timed by <c>Routing:OfferTimeout</c>, not here.</remarks>
    public static SlaPolicy Default { get; } = new(
        WorkCalendar.AlwaysOpen,
        [
            new(ContactStatus.Queued, null,
            [
                new(SlaDegree.Warning, TimeSpan.FromSeconds(30), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromMinutes(2), SlaAction.Notify),
                new(SlaDegree.Critical, TimeSpan.FromMinutes(5), SlaAction.Redispatch),
            ]),
            new(ContactStatus.InProgress, null,
            [
                new(SlaDegree.Warning, TimeSpan.FromMinutes(15), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromMinutes(30), SlaAction.Notify),
                new(SlaDegree.Critical, TimeSpan.FromHours(1), SlaAction.RaisePriority),
            ]),
            new(ContactStatus.WaitingForCustomer, null,
            [
                new(SlaDegree.Warning, TimeSpan.FromDays(1), SlaAction.Notify),
                new(SlaDegree.Violation, TimeSpan.FromDays(3), SlaAction.Notify),
            ]),
            new(ContactStatus.InDevelopment, null, [new(SlaDegree.Violation, TimeSpan.FromDays(5), SlaAction.Notify)]),
            new(ContactStatus.SolutionProposed, null, [new(SlaDegree.Warning, TimeSpan.FromDays(2), SlaAction.Notify)]),
        ],
        TimeSpan.FromDays(2));

    /// <summary>The thresholds of <paramref name="status"/> at <paramref name="priority"/>; empty when no rule times it.</summary>
    /// <remarks>A rule for exactly <paramref name="priority"/> wins over one for any priority.</remarks>
    public IReadOnlyList<SlaThreshold> ThresholdsFor(ContactStatus status, int priority)
    {
        SlaRule? general = null;
        foreach (var rule in Rules)
        {
            if (rule.Status != status)
            {
                continue;
            }

            if (rule.Priority == priority)
            {
                return rule.Thresholds;
            }

            if (rule.Priority is null)
            {
                general ??= rule;
            }
        }

        return general?.Thresholds ?? [];
    }

    /// <summary>When each threshold of a status entered at <paramref name="enteredAt"/> is crossed, in degree order.</summary>
    /// <remarks>Each is due once its time has passed on <see cref="Calendar"/>, counted from <paramref name="enteredAt"/>.</remarks>
    public IReadOnlyList<SlaDeadline> Deadlines(ContactStatus status, int priority, DateTimeOffset enteredAt) =>
    [
        .. ThresholdsFor(status, priority)
            .OrderBy(threshold => threshold.Degree)
            .Select(threshold => new SlaDeadline(threshold.Degree, Calendar.AddWorkingTime(enteredAt, threshold.After), threshold.Action)),
    ];

    /// <summary>
    /// Why the policy is unusable, or <see langword="null"/>: no or more than three thresholds, degrees or times out of order,
    /// times that are not positive, two rules for one status and priority, a priority outside 1–5, a follow-up that is not
    /// positive, or a calendar with a problem of its own.
    /// </summary>
    public string? Problem()
    {
        if (FollowUpAfter <= TimeSpan.Zero)
        {
            return $"The follow-up comes {FollowUpAfter} after a proposed solution: it must come some time after.";
        }

        if (Calendar?.Problem() is { } calendar)
        {
            return calendar;
        }

        if (Calendar is null || Rules is null)
        {
            return "The policy lacks its calendar or its rules: give both, empty rules for none.";
        }

        var seen = new HashSet<(ContactStatus, int?)>();
        foreach (var rule in Rules)
        {
            if (RuleProblem(rule) is { } problem)
            {
                return problem;
            }

            if (!seen.Add((rule.Status, rule.Priority)))
            {
                return $"Two rules time {Name(rule)}: keep one.";
            }
        }

        return null;
    }

    private static string? RuleProblem(SlaRule? rule)
    {
        if (rule is null)
        {
            return "A rule is missing: remove the empty entry.";
        }

        if (!Enum.IsDefined(rule.Status))
        {
            return $"{(int)rule.Status} is not a status.";
        }

        if (rule.Priority is < 1 or > 5)
        {
            return $"The {rule.Status} rule is for priority {rule.Priority}: priorities run from 1 to 5, or leave it out for any priority.";
        }

        if (rule.Thresholds is not { Count: >= 1 and <= MaxThresholds } thresholds)
        {
            return $"The rule for {Name(rule)} has {rule.Thresholds?.Count ?? 0} thresholds: give it one to {MaxThresholds}.";
        }

        SlaThreshold? previous = null;
        foreach (var threshold in thresholds)
        {
            if (threshold is null)
            {
                return $"The rule for {Name(rule)} has an empty threshold: remove it.";
            }

            if (!Enum.IsDefined(threshold.Degree) || !Enum.IsDefined(threshold.Action))
            {
                return $"The rule for {Name(rule)} has a threshold of unknown degree or action: use Warning, Violation or Critical, and Notify, RaisePriority or Redispatch.";
            }

            if (threshold.After <= TimeSpan.Zero)
            {
                return $"The {threshold.Degree} of {Name(rule)} comes {threshold.After} after entering the status: it must come some time after.";
            }

            if (previous is not null && threshold.Degree <= previous.Degree)
            {
                return $"The rule for {Name(rule)} lists {threshold.Degree} after {previous.Degree}: list degrees from warning to critical, each once.";
            }

            if (previous is not null && threshold.After <= previous.After)
            {
                return $"The {threshold.Degree} of {Name(rule)} comes at {threshold.After}, not after the {previous.Degree} at {previous.After}: each degree must come later than the one before.";
            }

            previous = threshold;
        }

        return null;
    }

    private static string Name(SlaRule rule) =>
        rule.Priority is { } priority ? $"{rule.Status} at priority {priority}" : $"{rule.Status} at any priority";
}
