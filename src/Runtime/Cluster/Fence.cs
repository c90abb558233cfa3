namespace Helpdesk.Runtime.Cluster;

/// <summary>The ownership an activation was created under: this silo held the partition at this epoch.</summary>
/// <remarks>Every state write and reminder change of the activation checks it in the same statement, so a silo that lost the partition cannot write.</remarks>
/// <param name="Partition">The grain's partition.</param>
/// <param name="Epoch">The lease epoch; it grows at every change of owner.</param>
/// <param name="Silo">The silo that held the lease.</param>
public readonly record struct Fence(int Partition, long Epoch, string Silo);
