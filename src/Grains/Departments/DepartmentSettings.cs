using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Departments;

/// <summary>How a department routes.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Strategy">How it picks among eligible operators.</param>
/// <param name="ServiceLevelTarget">The wait within which an answer counts toward the service level (20 s by default).</param>
/// <param name="Escalation">Timed steps that widen a waiting contact's pool, in order of their waits.</param>
/// <param name="Sla">Its SLA policy and working calendar; the center's default when <see langword="null"/>.</param>
public sealed record DepartmentSettings(string Name, RoutingStrategy Strategy, TimeSpan ServiceLevelTarget, IReadOnlyList<EscalationStep> Escalation, SlaPolicy? Sla = null);
