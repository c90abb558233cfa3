namespace Helpdesk.Grains.Broadcasts;

/// <summary>Whom a broadcast concerns.</summary>
public enum BroadcastScope
{
    /// <summary>Every customer of every department.</summary>
    All,

    /// <summary>Customers of one department.</summary>
    Department,

    /// <summary>Customers getting in touch about one topic.</summary>
    Topic,
}
