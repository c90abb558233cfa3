namespace Helpdesk.Runtime.Messaging;

/// <summary>How a call between silos ended.</summary>
public enum CallStatus
{
    /// <summary>The grain ran the call and returned.</summary>
    Ok,

    /// <summary>The grain threw; the exception's type and message travel back.</summary>
    Error,

    /// <summary>The callee does not serve the grain's partition: the caller refreshes its map and sends again.</summary>
    NotOwner,
}
