using Helpdesk.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Api.Cluster;

/// <summary>The cluster's membership and partition map, for ops.</summary>
public static class ClusterEndpoints
{
    /// <summary>Maps <c>GET /api/cluster</c>.</summary>
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cluster", GetCluster)
            .WithTags("Cluster")
            .WithSummary("Silos (status, address, partitions owned, activations, calls/s) and the partition map.");
        return endpoints;
    }

    private static Ok<ClusterView> GetCluster(GrainRuntime runtime, TimeProvider clock)
    {
        var self = runtime.Options.SiloName;
        if (!runtime.IsClustered)
        {
            var now = clock.GetUtcNow();
            SiloView alone = new(self, "", "active", true, runtime.OwnedPartitions, runtime.ActivationCount, 0, now, now);
            return TypedResults.Ok(new ClusterView(self, false, runtime.OwnedPartitions, [alone], []));
        }

        var map = runtime.ClusterMap;
        var owned = map.Partitions.Where(p => p.Owner is not null && !p.Expired).GroupBy(p => p.Owner!).ToDictionary(g => g.Key, g => g.Count());
        var silos = map.Silos
            .Select(s => new SiloView(s.Silo, s.Address, s.Status, s.IsLive, owned.GetValueOrDefault(s.Silo), s.Activations, Math.Round(s.CallsPerSecond, 1), s.StartedAt, s.Heartbeat))
            .ToList();
        var partitions = map.Partitions.Select(p => new PartitionView(p.Partition, p.Owner, p.Epoch, p.Expired)).ToList();
        return TypedResults.Ok(new ClusterView(self, true, partitions.Count, silos, partitions));
    }
}
