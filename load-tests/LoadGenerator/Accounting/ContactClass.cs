namespace Helpdesk.LoadGenerator.Accounting;

/// <summary>Where the final check found a contact the run sent.</summary>
internal enum ContactClass
{
    /// <summary>Confirmed by its customer.</summary>
    Closed,

    /// <summary>Given up by its customer.</summary>
    Abandoned,

    /// <summary>Waiting in a queue.</summary>
    Queued,

    /// <summary>Offered to an operator who had not answered.</summary>
    Offered,

    /// <summary>Held by an operator.</summary>
    InProgress,

    /// <summary>A solution proposed, the customer's confirmation not arrived.</summary>
    AwaitingCustomer,

    /// <summary>Any other status (postponed, escalated on its way, …).</summary>
    Other,

    /// <summary>Acknowledged with 201 but not found: lost.</summary>
    Missing,

    /// <summary>Never acknowledged and not found: it was never created, and the generator was never told it was.</summary>
    NeverCreated,

    /// <summary>Could not be read even after retries.</summary>
    Unverified,
}
