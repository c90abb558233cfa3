namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>One partition's lease.</summary>
internal sealed record PartitionView(int Partition, string? Owner, bool Expired);
