using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>An operator's answer to a reservation, with their view after it.</summary>
/// <param name="Reserved">Whether the offer is now theirs.</param>
/// <param name="View">Their view for the department, after the reservation or the refusal.</param>
[GenerateSerializer, Alias("helpdesk.ReserveResult")]
public sealed record ReserveResult([property: Id(0)] bool Reserved, [property: Id(1)] MemberView? View);
