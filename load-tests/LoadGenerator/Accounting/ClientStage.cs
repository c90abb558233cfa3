namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>How far the API has acknowledged a contact's moves to the generator; it only moves forward.</summary>
internal enum ClientStage
{
    /// <summary>Nothing acknowledged yet beyond, perhaps, its creation.</summary>
    Sent,

    /// <summary>An operator's accept answered 200.</summary>
    Accepted,

    /// <summary>The operator's solution_proposed answered 200.</summary>
    Proposed,

    /// <summary>The customer's confirmed answered 200: closed.</summary>
    Confirmed,

    /// <summary>The customer's abandoned answered 200: closed.</summary>
    Abandoned,
}
