using System.ComponentModel.DataAnnotations;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Departments;

/// <summary>A new department.</summary>
/// <param name="Id">Its id, e.g. <c>billing</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Strategy">How it picks operators (default longest idle).</param>
/// <param name="ServiceLevelTargetSeconds">The wait within which an answer counts toward the service level (default 20).</param>
/// <param name="Escalation">Timed steps that widen a waiting contact's pool, in order of their waits.</param>
/// <param name="Sla">Its SLA and working calendar; the center's when absent.</param>
public sealed record CreateDepartmentRequest(
    [property: Required] string? Id,
    string? Name,
    RoutingStrategy? Strategy,
    double? ServiceLevelTargetSeconds,
    IReadOnlyList<EscalationStepRequest>? Escalation,
    SlaRequest? Sla = null);

/// <summary>One escalation step.</summary>
/// <param name="AfterSeconds">The wait after which it applies.</param>
/// <param name="Action"><c>next_line</c>, <c>neighbour_department</c> or <c>relax_skill</c>.</param>
/// <param name="Department">The neighbouring department, for <c>neighbour_department</c>.</param>
public sealed record EscalationStepRequest([property: Required] double? AfterSeconds, [property: Required] EscalationAction? Action, string? Department);

/// <summary>The retirement of a department.</summary>
/// <param name="DrainTo">The department its waiting contacts move to.</param>
public sealed record RetireDepartmentRequest([property: Required] string? DrainTo);
