namespace Helpdesk.Grains.Contacts;

/// <summary>Where a contact (ticket) is in its life; <see cref="TicketLifecycle"/> says who may move it where.</summary>
public enum ContactStatus
{
    /// <summary>Waiting in a department's queue.</summary>
    Queued,

    /// <summary>Offered to an operator who has not answered yet.</summary>
    Offered,

    /// <summary>Accepted by an operator and being handled.</summary>
    InProgress,

    /// <summary>The operator waits for data from the customer; their reply puts it back in the queue.</summary>
    WaitingForCustomer,

    /// <summary>Suspended until a time; a reminder puts it back in the queue then.</summary>
    Postponed,

    /// <summary>Waiting on a development task in the tracker; a reminder at the due date puts it back in the queue.</summary>
    InDevelopment,

    /// <summary>The operator proposed a solution; the customer confirms or rejects it. Silence is chased, never closed.</summary>
    SolutionProposed,

    /// <summary>The customer confirmed the solution: the ticket is closed.</summary>
    Confirmed,

    /// <summary>The customer rejected the solution: the ticket reopens to the same operator.</summary>
    Rejected,

    /// <summary>Passed to the next line by its operator or by an SLA breach.</summary>
    Escalated,

    /// <summary>The customer gave up before an operator answered: closed; a phone call becomes a missed call, called back by the regulation.</summary>
    Abandoned,
}
