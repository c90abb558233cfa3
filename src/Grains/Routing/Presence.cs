namespace Helpdesk.Grains.Routing;

/// <summary>Whether an operator can take contacts now.</summary>
public enum Presence
{
    /// <summary>Not at work; takes nothing.</summary>
    Offline,

    /// <summary>At work and taking contacts up to capacity.</summary>
    Available,

    /// <summary>At work with no free capacity left.</summary>
    Busy,

    /// <summary>Finishing the notes of the last contact, for a set time.</summary>
    WrapUp,

    /// <summary>On a break; takes nothing.</summary>
    Break,

    /// <summary>Let an offer time out; takes nothing until they set themselves available again.</summary>
    NotResponding,
}
