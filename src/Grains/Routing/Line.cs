namespace Helpdesk.Grains.Routing;

/// <summary>The support line: the first line greets and solves simple requests, specialists take the rest.</summary>
public enum Line
{
    /// <summary>The first line.</summary>
    L1 = 1,

    /// <summary>Specialists.</summary>
    L2 = 2,

    /// <summary>Senior specialists.</summary>
    L3 = 3,
}
