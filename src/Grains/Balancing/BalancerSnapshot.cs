namespace Helpdesk.Grains.Balancing;

/// <summary>The balancer as supervisors see it.</summary>
/// <param name="Mode">Off, advise or auto.</param>
/// <param name="Proposals">The moves proposed now, waiting for a supervisor (advise mode).</param>
/// <param name="Moves">The latest moves made, newest first.</param>
/// <param name="LastRound">When it last looked at the departments.</param>
[GenerateSerializer, Alias("helpdesk.BalancerSnapshot")]
public sealed record BalancerSnapshot(
    [property: Id(0)] BalancerMode Mode,
    [property: Id(1)] IReadOnlyList<BalancerProposal> Proposals,
    [property: Id(2)] IReadOnlyList<BalancerMove> Moves,
    [property: Id(3)] DateTimeOffset? LastRound);
