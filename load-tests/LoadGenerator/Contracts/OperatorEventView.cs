namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>One event of an operator's stream: an <c>offer</c>, an <c>offer-withdrawn</c> or a <c>presence</c> change.</summary>
internal sealed record OperatorEventView(long Id, string Type, string Presence, OfferView? Offer, string? Reason);
