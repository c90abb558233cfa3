using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>A contact offered to an operator, to accept or reject before it expires.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Department">The department offering it.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Priority">Its priority, 1–5.</param>
/// <param name="Difficulty">The customer's difficulty weight.</param>
/// <param name="ExpiresAt">When the offer lapses.</param>
public sealed record Offer(string ContactId, string CustomerId, string Department, Channel Channel, int Priority, double Difficulty, DateTimeOffset ExpiresAt);
