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
    public static Task<IHost> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var builder = NewBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}"] = connectionString });
        builder.UseOrleans(silo => silo.UseHelpdeskCluster(builder.Configuration).AddHelpdeskGrains());
        return StartAsync(builder, "The silo", "its storage is not reachable or not migrated (see the errors logged above)", cancellationToken);
    }

    /// <summary>A host builder that logs warnings and errors only: information would interleave with the progress lines.</summary>
    public static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>Builds and starts a host, or fails the benchmark saying which one did not start in time and what may be why.</summary>
    /// <param name="builder">The host, configured.</param>
    /// <param name="name">What it is, for the failure's message.</param>
    /// <param name="likelyCause">What keeps it from starting, for the failure's message.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<IHost> StartAsync(HostApplicationBuilder builder, string name, string likelyCause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
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
            throw new BenchmarkException($"{name} had not started within {StartLimit.TotalSeconds:F0} s: {likelyCause}.", exception);
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
