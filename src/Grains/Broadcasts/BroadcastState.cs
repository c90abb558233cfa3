namespace Helpdesk.Grains.Broadcasts;

/// <summary>What the broadcast grain stores.</summary>
internal sealed class BroadcastState
{
    /// <summary>In the order they were created; those stopped long ago are pruned.</summary>
    public List<BroadcastEntry> Entries { get; set; } = [];
}

/// <summary>A broadcast with the fingerprint of the request that created it, so a repeat gets the same answer.</summary>
/// <param name="Broadcast">The broadcast as it is now.</param>
/// <param name="Fingerprint">The creating request's fingerprint.</param>
internal sealed record BroadcastEntry(Broadcast Broadcast, string Fingerprint);
