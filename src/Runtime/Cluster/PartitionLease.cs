namespace Helpdesk.Runtime.Cluster;

/// <summary>One partition's lease.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Owner">The owning silo, or <see langword="null"/>.</param>
/// <param name="Address">Where the owner takes silo-to-silo calls.</param>
/// <param name="Epoch">Grows at every change of owner.</param>
/// <param name="Expired">Whether the lease had expired, by database time, when the map was read.</param>
public sealed record PartitionLease(int Partition, string? Owner, string? Address, long Epoch, bool Expired);
