namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Whether the API acknowledged a contact's creation.</summary>
internal enum Creation
{
    /// <summary>The request is on its way.</summary>
    Pending,

    /// <summary>201 with a receipt: the API owes us this contact.</summary>
    Acknowledged,

    /// <summary>The retries ran out, or the API refused: it may or may not exist.</summary>
    NotAcknowledged,
}
