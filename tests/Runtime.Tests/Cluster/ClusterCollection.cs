namespace Helpdesk.Runtime.Tests.Cluster;

/// <summary>Cluster tests start several silos each and measure failover against lease times, so they run alone, one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
