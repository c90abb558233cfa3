namespace Helpdesk.Grains.Routing;

/// <summary>How a contact reaches the center.</summary>
public enum Channel
{
    /// <summary>A voice call.</summary>
    Phone,

    /// <summary>A live chat.</summary>
    Chat,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A web form.</summary>
    Web,
}
