namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>What <c>GET /api/cluster</c> answers, as far as the start-up reads it.</summary>
internal sealed record ClusterView(string Silo, bool Clustered, int PartitionCount, IReadOnlyList<SiloView> Silos, IReadOnlyList<PartitionView> Partitions);
