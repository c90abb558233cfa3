using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Balancing;

/// <summary>The center's balancer: it looks at every department each period and lends operators where they are needed; key <see cref="Center"/>.</summary>
[Alias("helpdesk.IBalancerGrain")]
public interface IBalancerGrain : IGrainWithStringKey
{
    /// <summary>The key of the center's balancer.</summary>
    const string Center = "center";

    /// <summary>The mode, the proposals waiting and the latest moves.</summary>
    [Alias("GetAsync")]
    Task<BalancerSnapshot> GetAsync();

    /// <summary>Sets the mode; off stops its rounds, advise and auto start them.</summary>
    [Alias("SetModeAsync")]
    Task<BalancerSnapshot> SetModeAsync(BalancerMode mode);

    /// <summary>Looks at every department now and proposes or makes moves, as the mode says.</summary>
    [Alias("RoundAsync")]
    Task<BalancerSnapshot> RoundAsync();

    /// <summary>A supervisor carries out a proposal; not found when it is no longer proposed.</summary>
    [Alias("AcceptAsync")]
    Task<Reply<BalancerSnapshot>> AcceptAsync(string proposalId, string by);

    /// <summary>A supervisor turns a proposal down; the operator is not proposed again for the cooldown.</summary>
    [Alias("RejectAsync")]
    Task<Reply<BalancerSnapshot>> RejectAsync(string proposalId, string by);
}
