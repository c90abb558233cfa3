namespace Helpdesk.Api.Cluster;

/// <summary>The cluster as one silo sees it: its silos and who owns each partition.</summary>
/// <param name="Silo">The silo that answered.</param>
/// <param name="Clustered">Whether silos share a database, or this is a single silo in memory.</param>
/// <param name="PartitionCount">How many partitions grains are hashed into.</param>
/// <param name="Silos">Every silo known to the membership table.</param>
/// <param name="Partitions">Each partition's owner and lease epoch.</param>
public sealed record ClusterView(string Silo, bool Clustered, int PartitionCount, IReadOnlyList<SiloView> Silos, IReadOnlyList<PartitionView> Partitions);
