namespace Helpdesk.Grains.Balancing;

/// <summary>What the balancer grain stores.</summary>
internal sealed class BalancerState
{
    public BalancerMode Mode { get; set; }

    public List<BalancerProposal> Proposals { get; set; } = [];

    /// <summary>The latest moves, newest first.</summary>
    public List<BalancerMove> Moves { get; set; } = [];

    /// <summary>When each operator was last moved, returned, or turned down for a move: the cooldown starts there.</summary>
    public Dictionary<string, DateTimeOffset> LastMoved { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastRound { get; set; }
}
