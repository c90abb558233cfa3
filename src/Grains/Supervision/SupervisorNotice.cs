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
[GenerateSerializer, Alias("helpdesk.SupervisorNotice")]
public sealed record SupervisorNotice(
    [property: Id(0)] long Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Summary,
    [property: Id(4)] SlaViolation? Violation = null,
    [property: Id(5)] string? OperatorId = null,
    [property: Id(6)] string? Department = null);
