namespace Helpdesk.Grains.Reports;

/// <summary>What a <see cref="ContactFact"/> records.</summary>
public enum FactKind
{
    /// <summary>A ticket arrived (deflected ones included).</summary>
    Created,

    /// <summary>A ticket closed: the customer confirmed its solution.</summary>
    Closed,

    /// <summary>An operator finished a conversation; <see cref="ContactFact.Duration"/> is the handle time.</summary>
    Handled,

    /// <summary>An operator proposed a solution.</summary>
    SolutionProposed,

    /// <summary>The customer rejected an operator's solution.</summary>
    SolutionRejected,

    /// <summary>An operator transferred a ticket.</summary>
    Transferred,

    /// <summary>The customer rated a closed ticket; <see cref="ContactFact.Score"/> and <see cref="ContactFact.Like"/> say how.</summary>
    Rated,

    /// <summary>A broadcast answered a ticket at once.</summary>
    Deflected,

    /// <summary>An operator was at work (available, busy, wrap-up or not responding) for <see cref="ContactFact.Duration"/>.</summary>
    Staffed,

    /// <summary>An SLA violation was charged to <see cref="ContactFact.OperatorId"/>.</summary>
    /// <remarks>
    /// Only the department day grain sends it, to the operator's month, once per new violation id; a department's
    /// own violations are counted by <see cref="IDepartmentDayGrain.AddViolationAsync"/>, which dedupes them.
    /// </remarks>
    Violation,
}
