namespace Helpdesk.Grains.Contacts;

/// <summary>Where a contact is in its life.</summary>
public enum ContactStatus
{
    /// <summary>Waiting in a department's queue.</summary>
    Queued,

    /// <summary>Offered to an operator who has not answered yet.</summary>
    Offered,

    /// <summary>Accepted by an operator and being handled.</summary>
    InProgress,

    /// <summary>Handled to the end.</summary>
    Completed,
}
