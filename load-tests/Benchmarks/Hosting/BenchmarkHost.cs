using Helpdesk.Benchmarks.Calls;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks.Hosting;

/// <summary>Hosts the grain runtime the way the silo does, with this assembly's grains.</summary>
internal static class BenchmarkHost
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    public static async Task<IHost> StartAsync(Action<GrainRuntimeBuilder> configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        // Information logs would interleave with the progress lines; warnings and errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddGrains(typeof(PingGrain).Assembly);
            configure(runtime);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            // The silo readies its storage in the background and refuses calls until then.
            await host.Services.GetRequiredService<SiloStatus>().WhenStarted.WaitAsync(StartLimit, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            await StopAsync(host);
            throw new BenchmarkException($"The silo had not started {StartLimit.TotalSeconds:F0} s after the host did: its storage is not reachable or not migrated (see the errors logged above).", exception);
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
