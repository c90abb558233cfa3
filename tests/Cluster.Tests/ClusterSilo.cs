using Helpdesk.Cluster.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Helpdesk.Cluster.Tests;

/// <summary>A silo with nothing but its cluster configuration, in memory or on a PostgreSQL schema of its own, to reach its stores.</summary>
internal sealed class ClusterSilo(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    /// <summary>The grain storage grains use.</summary>
    public IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>("Default");

    public IReminderTable Reminders => host.Services.GetRequiredService<IReminderTable>();

    /// <param name="connectionString">A PostgreSQL connection string, or <see langword="null"/> for memory.</param>
    public static async Task<ClusterSilo> StartAsync(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}"] = connectionString,
        });
        builder.UseOrleans(silo => silo.UseHelpdeskCluster(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
