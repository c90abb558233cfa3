using Helpdesk.Grains.Karma;

namespace Helpdesk.Grains.Customers;

/// <summary>What routing needs to know of a customer.</summary>
/// <param name="Karma">Their karma now.</param>
/// <param name="Difficulty">Their difficulty weight.</param>
/// <param name="Calm">Whether they count as calm.</param>
/// <param name="LastAgent">The operator who last served them.</param>
/// <param name="Exclusions">Operators never to route them to.</param>
public sealed record CustomerProfile(CustomerKarma Karma, double Difficulty, bool Calm, string? LastAgent, IReadOnlyList<string> Exclusions);
