namespace Helpdesk.Grains.Balancing;

/// <summary>What the balancer does with the moves it finds.</summary>
public enum BalancerMode
{
    /// <summary>It looks at nothing.</summary>
    Off,

    /// <summary>It proposes moves; supervisors accept or reject them.</summary>
    Advise,

    /// <summary>It makes the moves itself.</summary>
    Auto,
}
