namespace Helpdesk.Grains.Balancing;

/// <summary>The balancer as supervisors see it.</summary>
/// <param name="Mode">Off, advise or auto.</param>
/// <param name="Proposals">The moves proposed now, waiting for a supervisor (advise mode).</param>
/// <param name="Moves">The latest moves made, newest first.</param>
/// <param name="LastRound">When it last looked at the departments.</param>
public sealed record BalancerSnapshot(BalancerMode Mode, IReadOnlyList<BalancerProposal> Proposals, IReadOnlyList<BalancerMove> Moves, DateTimeOffset? LastRound);
