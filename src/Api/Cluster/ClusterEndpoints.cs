using System.Text.Json;
using Helpdesk.Api.Access;
using Helpdesk.Grains.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Api.Cluster;

/// <summary>The cluster's membership, for ops.</summary>
public static class ClusterEndpoints
{
    /// <summary>Maps <c>GET /api/cluster</c>.</summary>
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cluster", GetClusterAsync)
            .WithTags("Cluster")
            .AllowedTo(Role.Admin)
            .WithSummary("Every silo of the membership table: status, address, host, activations, start and last heartbeat.");
        return endpoints;
    }

    private static async Task<Ok<ClusterView>> GetClusterAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var live = members.Where(member => member.Status == SiloStatus.Active).Select(member => member.SiloAddress).ToArray();
        var statistics = live.Length == 0 ? [] : await management.GetRuntimeStatistics(live);
        var activations = live.Zip(statistics, (silo, figures) => (silo, figures.ActivationCount)).ToDictionary(pair => pair.silo, pair => pair.ActivationCount);
        var silos = members
            .Select(member => new SiloView(
                member.SiloName,
                member.SiloAddress.ToString(),
                member.HostName,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Status.ToString()),
                member.Status == SiloStatus.Active,
                activations.TryGetValue(member.SiloAddress, out var count) ? count : null,
                new DateTimeOffset(DateTime.SpecifyKind(member.StartTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(member.IAmAliveTime, DateTimeKind.Utc))))
            .OrderByDescending(silo => silo.Live)
            .ThenBy(silo => silo.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ClusterView(silos));
    }
}
