namespace Helpdesk.Grains.Balancing;

/// <summary>A move made, with why, what was predicted, and what was then observed.</summary>
/// <param name="Proposal">The proposal carried out.</param>
/// <param name="At">When.</param>
/// <param name="By">Who made it: the balancer in auto mode, or the supervisor who accepted it.</param>
/// <param name="Observed">The two departments' forecast service levels a minute later, once known.</param>
[GenerateSerializer, Alias("helpdesk.BalancerMove")]
public sealed record BalancerMove(
    [property: Id(0)] BalancerProposal Proposal,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] ObservedEffect? Observed = null);

/// <summary>What a move was seen to do, a while after it.</summary>
/// <param name="At">When it was looked at.</param>
/// <param name="FromServiceLevel">The department left: its forecast service level then.</param>
/// <param name="ToServiceLevel">The department joined: its forecast service level then.</param>
[GenerateSerializer, Alias("helpdesk.ObservedEffect")]
public sealed record ObservedEffect(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double FromServiceLevel,
    [property: Id(2)] double ToServiceLevel);
