namespace Helpdesk.Grains.Tickets;

/// <summary>What a missed-call grain stores.</summary>
internal sealed class MissedCallState
{
    public MissedCallRecord? Record { get; set; }
}
