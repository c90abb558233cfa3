namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>A contact offered to an operator.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Department">The department it waits in.</param>
/// <param name="Channel">Its channel, snake_case.</param>
/// <param name="ExpiresAt">When it lapses unanswered, and the operator lets it go.</param>
internal sealed record OfferView(string ContactId, string CustomerId, string Department, string Channel, DateTimeOffset ExpiresAt);
