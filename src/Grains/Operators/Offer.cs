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
[GenerateSerializer, Alias("helpdesk.Offer")]
public sealed record Offer(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string Department,
    [property: Id(3)] Channel Channel,
    [property: Id(4)] int Priority,
    [property: Id(5)] double Difficulty,
    [property: Id(6)] DateTimeOffset ExpiresAt);
