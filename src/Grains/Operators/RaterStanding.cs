using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>What a rating needs to know of its rater.</summary>
/// <param name="Line">Their line.</param>
/// <param name="Standing">0 to 1: 1 when they meet their KPI.</param>
[GenerateSerializer, Alias("helpdesk.RaterStanding")]
public sealed record RaterStanding([property: Id(0)] Line Line, [property: Id(1)] double Standing);
