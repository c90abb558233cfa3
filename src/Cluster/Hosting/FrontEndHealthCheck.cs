using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Cluster.Hosting;

/// <summary>A front end is ready while it reaches an active silo through its gateways; not ready from the moment it begins to stop.</summary>
internal sealed class FrontEndHealthCheck(IClusterClient client, IHostApplicationLifetime lifetime) : IHealthCheck
{
    /// <summary>How long the check waits for the cluster's answer.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The front end is stopping.");
        }

        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Patience, cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"The front end reaches its cluster: {silos.Count} active silo{(silos.Count == 1 ? "" : "s")}.")
                : HealthCheckResult.Unhealthy("The front end reaches its cluster, but no silo is active.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The front end cannot reach its cluster: {exception.Message}");
        }
    }
}
