namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>A contact offered to an operator.</summary>
internal sealed record OfferView(string ContactId, string CustomerId, string Department, string Channel);
