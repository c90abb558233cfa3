using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Departments;

/// <summary>How a department routes.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Strategy">How it picks among eligible operators.</param>
/// <param name="ServiceLevelTarget">The wait within which an answer counts toward the service level (20 s by default).</param>
/// <param name="Escalation">Timed steps that widen a waiting contact's pool, in order of their waits.</param>
/// <param name="Sla">Its SLA policy and working calendar; the center's default when <see langword="null"/>.</param>
[GenerateSerializer, Alias("helpdesk.DepartmentSettings")]
public sealed record DepartmentSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] RoutingStrategy Strategy,
    [property: Id(2)] TimeSpan ServiceLevelTarget,
    [property: Id(3)] IReadOnlyList<EscalationStep> Escalation,
    [property: Id(4)] SlaPolicy? Sla = null);
