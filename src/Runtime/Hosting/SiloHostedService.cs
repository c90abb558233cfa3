using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Starts the runtime after its storage is ready, and stops it gracefully: reminders first, then every activation.</summary>
internal sealed partial class SiloHostedService(
    GrainRuntime runtime,
    IStorageBootstrap storage,
    SiloStatus status,
    ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _sweeper;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        runtime.Reminders.Start();
        _sweeper = runtime.RunSweeperAsync(_stopping.Token);
        status.IsStarted = true;
        LogStarted(runtime.Options.SiloName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        status.IsStopping = true;
        LogStopping(runtime.Options.SiloName, runtime.ActivationCount);
        await runtime.Reminders.StopAsync(cancellationToken);
        await runtime.Catalog.DeactivateAllAsync(cancellationToken);
        await _stopping.CancelAsync();
        if (_sweeper is not null)
        {
            await _sweeper;
        }

        LogStopped(runtime.Options.SiloName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} started")]
    private partial void LogStarted(string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopping: deactivating {Activations} activations")]
    private partial void LogStopping(string silo, int activations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopped; every activation finished and was deactivated")]
    private partial void LogStopped(string silo);
}
