using Helpdesk.Grains.Karma;

namespace Helpdesk.Grains.Customers;

/// <summary>What routing needs to know of a customer.</summary>
/// <param name="Karma">Their karma now.</param>
/// <param name="Difficulty">Their difficulty weight.</param>
/// <param name="Calm">Whether they count as calm.</param>
/// <param name="LastAgent">The operator who last served them.</param>
/// <param name="Exclusions">Operators never to route them to.</param>
[GenerateSerializer, Alias("helpdesk.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] CustomerKarma Karma,
    [property: Id(1)] double Difficulty,
    [property: Id(2)] bool Calm,
    [property: Id(3)] string? LastAgent,
    [property: Id(4)] IReadOnlyList<string> Exclusions);
