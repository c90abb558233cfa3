namespace Helpdesk.Runtime.Activation;

/// <summary>The life stages of an activation.</summary>
internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
