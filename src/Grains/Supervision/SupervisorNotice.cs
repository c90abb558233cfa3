using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Supervision;

/// <summary>Something supervisors should see now, on their live stream.</summary>
/// <param name="Id">Grows with every notice; a stream resumes after the last id it saw.</param>
/// <param name="Type">
/// <c>sla-violation</c>, <c>kpi-alert</c>, <c>balancer-proposal</c>, <c>balancer-move</c> or <c>balancer-rejected</c>.
/// </param>
/// <param name="At">When it happened.</param>
/// <param name="Summary">One line for a human.</param>
/// <param name="Violation">The violation, for <c>sla-violation</c>.</param>
/// <param name="OperatorId">The operator concerned, if any.</param>
/// <param name="Department">The department concerned, if any.</param>
public sealed record SupervisorNotice(long Id, string Type, DateTimeOffset At, string Summary, SlaViolation? Violation = null, string? OperatorId = null, string? Department = null);
