using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Runtime;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>One silo of a cluster hosted in this process, on PostgreSQL: stopped gracefully, or killed as a crash would.</summary>
internal sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterSilo(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    public IGrainFactory Grains => Runtime;

    /// <summary>Its silo name; still known once the silo is killed and its host disposed.</summary>
    public string Name { get; }

    public static async Task<ClusterSilo> StartAsync(string connectionString, string name, int partitionCount, LeaseSettings leases, CancellationToken cancellationToken)
    {
        var host = await BenchmarkHost.StartAsync(
            runtime =>
            {
                runtime.Services.Configure<SiloOptions>(silo => silo.SiloName = name);
                runtime.Services.Configure<ClusterOptions>(cluster =>
                {
                    cluster.PartitionCount = partitionCount;
                    cluster.LeaseDuration = leases.LeaseDuration;
                    cluster.RenewPeriod = leases.RenewPeriod;
                });
                runtime.UsePostgreSql(connectionString);
            },
            cancellationToken);
        return new ClusterSilo(host, name);
    }

    /// <summary>Dies on the spot: no drain, no release, its internal endpoint cut; its leases simply expire.</summary>
    public Task KillAsync() =>
        _host.Services.GetServices<IHostedService>().OfType<SiloHostedService>().Single().KillAsync();

    /// <summary>Stops gracefully, or, after <see cref="KillAsync"/>, only releases the host's resources.</summary>
    public async ValueTask DisposeAsync() => await BenchmarkHost.StopAsync(_host);
}
