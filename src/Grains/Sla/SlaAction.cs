namespace Helpdesk.Grains.Sla;

/// <summary>What crossing a threshold does besides recording the violation.</summary>
public enum SlaAction
{
    /// <summary>Tells supervisors on their live stream; every violation does this.</summary>
    Notify,

    /// <summary>Raises the ticket's priority by one (at most 5), so it is served sooner.</summary>
    RaisePriority,

    /// <summary>Takes the ticket from whoever holds or queues it and dispatches it again at the next line.</summary>
    Redispatch,
}
