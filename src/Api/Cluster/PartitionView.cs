namespace Helpdesk.Api.Cluster;

/// <summary>One partition's lease, for ops.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Owner">The silo holding it, if any.</param>
/// <param name="Epoch">Grows at every change of owner.</param>
/// <param name="Expired">Whether its lease had expired when the map was read.</param>
public sealed record PartitionView(int Partition, string? Owner, long Epoch, bool Expired);
