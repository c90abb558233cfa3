using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Tests;

/// <summary>A real silo host with the test grains, started and stopped by a test.</summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host)
    {
        _host = host;
    }

    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    public IGrainFactory Grains => Runtime;

    public Probe Probe => _host.Services.GetRequiredService<Probe>();

    public static async Task<TestSilo> StartAsync(
        Action<GrainRuntimeBuilder>? storage = null,
        Action<SiloOptions>? options = null,
        TimeProvider? clock = null,
        Probe? probe = null,
        Action<ClusterOptions>? cluster = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(probe ?? new Probe());
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.Configure<SiloOptions>(silo => options?.Invoke(silo));
        builder.Services.Configure<ClusterOptions>(c => cluster?.Invoke(c));
        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddGrains(typeof(TestSilo).Assembly);
            storage?.Invoke(runtime);
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<SiloStatus>().WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));
        return new TestSilo(host);
    }

    public IEnumerable<GrainId> ActivationIds => Runtime.Catalog.Activations.Select(activation => activation.Id);

    /// <summary>Dies on the spot: no drain, no release; its leases and reminder claims expire.</summary>
    public Task KillAsync() => _host.Services.GetServices<IHostedService>().OfType<SiloHostedService>().Single().KillAsync();

    /// <summary>Stops renewing its leases while it goes on serving and writing, as a paused process would.</summary>
    public void Freeze() => Runtime.Partitions.Freeze();

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
