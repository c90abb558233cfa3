using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>Something an operator's desktop must know: an offer, an offer withdrawn, a presence change.</summary>
/// <param name="Id">Grows with each event; the desktop resumes after the last id it saw.</param>
/// <param name="Type"><c>offer</c>, <c>offer-withdrawn</c> or <c>presence</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Presence">The operator's presence after it.</param>
/// <param name="Offer">The offer, for <c>offer</c> and <c>offer-withdrawn</c>.</param>
/// <param name="Reason">Why, for a withdrawn offer.</param>
[GenerateSerializer, Alias("helpdesk.OperatorEvent")]
public sealed record OperatorEvent(
    [property: Id(0)] long Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Presence Presence,
    [property: Id(4)] Offer? Offer = null,
    [property: Id(5)] string? Reason = null);
