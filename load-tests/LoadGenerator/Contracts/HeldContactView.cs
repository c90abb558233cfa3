namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>A contact an operator holds: offered and not answered yet, or accepted.</summary>
internal sealed record HeldContactView(OfferView Offer, bool Accepted);
