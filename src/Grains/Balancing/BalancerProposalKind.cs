namespace Helpdesk.Grains.Balancing;

/// <summary>Which way a proposed move goes.</summary>
public enum BalancerProposalKind
{
    /// <summary>An operator goes from their department to one that needs help.</summary>
    Lend,

    /// <summary>A lent operator goes back to their own department.</summary>
    Return,
}
