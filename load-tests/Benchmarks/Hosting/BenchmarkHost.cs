using Helpdesk.Cluster.Hosting;
using Helpdesk.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks.Hosting;

/// <summary>Hosts an Orleans silo the way the silo program does, with this assembly's grains.</summary>
internal static class BenchmarkHost
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    /// <param name="connectionString">PostgreSQL to keep grain state in, or <see langword="null"/> for memory.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<IHost> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        // Information logs would interleave with the progress lines; warnings and errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}"] = connectionString });
        builder.UseOrleans(silo => silo.UseHelpdeskCluster(builder.Configuration).AddHelpdeskGrains());
        var host = builder.Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        try
        {
            await host.StartAsync(limit.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new BenchmarkException($"The silo had not started within {StartLimit.TotalSeconds:F0} s: its storage is not reachable or not migrated (see the errors logged above).", exception);
        }

        return host;
    }

    public static async Task StopAsync(IHost host)
    {
        using var limit = new CancellationTokenSource(StopLimit);
        await host.StopAsync(limit.Token);
        host.Dispose();
    }
}
