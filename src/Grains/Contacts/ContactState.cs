using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Contacts;

/// <summary>What a contact grain stores.</summary>
internal sealed class ContactState
{
    public NewContact? Request { get; set; }

    /// <summary>The request's fingerprint, to tell a replay from a reused idempotency key.</summary>
    public string? Fingerprint { get; set; }

    public ContactReceipt? Receipt { get; set; }

    public ContactStatus Status { get; set; }

    /// <summary>Counts the statuses entered: an SLA violation is unique per ticket, entry and degree.</summary>
    public int Entry { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>The SLA thresholds of the current status entry not crossed yet, earliest first.</summary>
    public List<SlaDeadline> Deadlines { get; set; } = [];

    /// <summary>When a postponed ticket, or one in development, comes back to the queue.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    /// <summary>The tracker's task key while in development.</summary>
    public string? TaskKey { get; set; }

    /// <summary>When the first line chases a customer silent about a proposed solution.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }

    public string Department { get; set; } = "";

    /// <summary>The contact as departments route it, with its declined operators among the exclusions.</summary>
    public WaitingContact? Routing { get; set; }

    /// <summary>The operator it is offered to or who is handling it live.</summary>
    public string? OperatorId { get; set; }

    /// <summary>
    /// The operator a stored change took the ticket from (a proposed solution, an escalation, a transfer), until they are
    /// known to be freed. It is written with that change, so an operator who could not be reached then is freed later.
    /// </summary>
    public OperatorRelease? Releasing { get; set; }

    /// <summary>The operator responsible for the ticket: the last one who accepted it.</summary>
    public string? Owner { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Who proposed the current solution: an operator id or <c>broadcast:{id}</c>.</summary>
    public string? ProposedBy { get; set; }

    public int Transfers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string EntryRule { get; set; } = "";

    public List<RouteStep> Route { get; set; } = [];

    public List<StatusChange> History { get; set; } = [];

    public List<string> Declined { get; set; } = [];

    /// <summary>Operators who accepted it at some point: only they may rate its customer.</summary>
    public List<string> Handlers { get; set; } = [];

    public List<string> RatedBy { get; set; } = [];

    /// <summary>Related tickets, missed calls and broadcasts.</summary>
    public List<string> Links { get; set; } = [];

    public int FollowUps { get; set; }

    public TicketFeedback? Feedback { get; set; }
}

/// <summary>An operator to free of a contact, and why (which of their counters it moves).</summary>
internal sealed record OperatorRelease(string OperatorId, ReleaseReason Reason);
