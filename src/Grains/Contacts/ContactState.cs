using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Contacts;

/// <summary>What a contact grain stores.</summary>
internal sealed class ContactState
{
    public NewContact? Request { get; set; }

    /// <summary>The request's fingerprint, to tell a replay from a reused idempotency key.</summary>
    public string? Fingerprint { get; set; }

    public ContactReceipt? Receipt { get; set; }

    public ContactStatus Status { get; set; }

    public string Department { get; set; } = "";

    /// <summary>The contact as departments route it, with its declined operators among the exclusions.</summary>
    public WaitingContact? Routing { get; set; }

    public string? OperatorId { get; set; }

    public int Transfers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string EntryRule { get; set; } = "";

    public List<RouteStep> Route { get; set; } = [];

    public List<StatusChange> History { get; set; } = [];

    public List<string> Declined { get; set; } = [];

    /// <summary>Operators who accepted it at some point: only they may rate its customer.</summary>
    public List<string> Handlers { get; set; } = [];

    public List<string> RatedBy { get; set; } = [];
}
