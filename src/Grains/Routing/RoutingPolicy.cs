namespace Helpdesk.Grains.Routing;

/// <summary>The tunable numbers of routing, shared by every department.</summary>
public sealed record RoutingPolicy
{
    /// <summary>The default policy.</summary>
    public static RoutingPolicy Default { get; } = new();

    /// <summary>Seconds of waiting one priority level is worth when ordering the queue (default 30 s).</summary>
    public TimeSpan PriorityBoost { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A difficulty weight at or above this marks a difficult customer (default 0.5).</summary>
    public double DifficultFrom { get; init; } = 0.5;

    /// <summary>The difficulty load per shift not to exceed while someone under it is free (default 6).</summary>
    public double DifficultyCap { get; init; } = 6;

    /// <summary>How much a KPI-meeting operator's score rises for a calm customer, on the 0–1 strategy scale (default 0.5).</summary>
    public double CalmReward { get; init; } = 0.5;

    /// <summary>How long a contact waits for the customer's last agent before anyone may take it (default 30 s).</summary>
    public TimeSpan AffinityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an operator has to accept an offer (default 20 s).</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many transfers a contact may take before more are refused (default 3).</summary>
    public int TransferLimit { get; init; } = 3;
}
