namespace Helpdesk.Runtime.Core;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>It was idle longer than the configured collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>The grain's partition moved to another silo.</summary>
    PartitionMoved,

    /// <summary>A state write found the stored state changed by someone else.</summary>
    InconsistentState,
}
