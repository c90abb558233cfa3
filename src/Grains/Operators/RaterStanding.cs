using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>What a rating needs to know of its rater.</summary>
/// <param name="Line">Their line.</param>
/// <param name="Standing">0 to 1: 1 when they meet their KPI.</param>
public sealed record RaterStanding(Line Line, double Standing);
