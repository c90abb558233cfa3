namespace Helpdesk.Runtime.Cluster;

/// <summary>A snapshot of who owns each partition, as one silo last read it.</summary>
/// <param name="Version">Grows with every snapshot a silo takes; calls carry it so a callee can tell a stale caller.</param>
/// <param name="Partitions">Each partition's owner, its address and epoch, indexed by partition.</param>
/// <param name="Silos">The silos of the cluster.</param>
public sealed record PartitionMap(long Version, IReadOnlyList<PartitionLease> Partitions, IReadOnlyList<SiloEntry> Silos)
{
    /// <summary>The map of a cluster nobody has joined yet.</summary>
    public static PartitionMap Empty { get; } = new(0, [], []);

    /// <summary>The lease of <paramref name="partition"/>, or an unowned one when the map does not know it.</summary>
    public PartitionLease this[int partition] =>
        partition < Partitions.Count ? Partitions[partition] : new PartitionLease(partition, null, null, 0, Expired: true);
}
