using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Cluster.Hosting;

/// <summary>Ready once the silo has joined its cluster and become active; not ready again from the moment it begins to stop.</summary>
/// <remarks>
/// The host begins to stop (and this check to fail) before HTTP stops serving, so load balancers take the silo out
/// while the requests already under way finish.
/// </remarks>
internal sealed class SiloHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck, ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _active;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("The silo is stopping.")
            : _active ? HealthCheckResult.Healthy("The silo is active in its cluster.")
            : HealthCheckResult.Unhealthy("The silo is starting: it has not joined its cluster yet."));

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(SiloHealthCheck),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _active = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                _active = false;
                return Task.CompletedTask;
            });
    }
}
