namespace Helpdesk.Grains.Routing;

/// <summary>How a department picks among eligible operators.</summary>
public enum RoutingStrategy
{
    /// <summary>Whoever has waited longest since their last contact.</summary>
    LongestIdle,

    /// <summary>Whoever holds the fewest contacts now.</summary>
    LeastLoaded,

    /// <summary>Each in turn, in a fixed order.</summary>
    RoundRobin,

    /// <summary>The highest skill proficiency, then the fewest contacts, then the longest idle.</summary>
    BestScore,
}
