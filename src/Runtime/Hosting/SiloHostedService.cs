using Helpdesk.Runtime.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Starts the runtime once its storage is ready, and stops it gracefully: reminders first, then every activation.</summary>
/// <remarks>
/// Storage is initialized in the background and retried until it succeeds, so the silo answers its health
/// endpoints meanwhile: live at once, ready only when storage is reachable and migrated.
/// </remarks>
internal sealed partial class SiloHostedService(
    GrainRuntime runtime,
    IStorageBootstrap storage,
    SiloStatus status,
    ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _sweeping = new();
    private Task? _starting;
    private Task? _sweeper;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = StartRuntimeAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        status.IsStopping = true;
        await _stopping.CancelAsync();
        if (_starting is not null)
        {
            await _starting;
        }

        if (!status.IsStarted)
        {
            return;
        }

        LogStopping(runtime.Options.SiloName, runtime.ActivationCount);
        await runtime.Reminders.StopAsync(cancellationToken);
        await runtime.Catalog.DeactivateAllAsync(cancellationToken);

        // The sweeper stops last: calls stuck in a cycle must still time out, or deactivation would wait on them forever.
        await _sweeping.CancelAsync();
        if (_sweeper is not null)
        {
            await _sweeper;
        }

        LogStopped(runtime.Options.SiloName);
    }

    private async Task StartRuntimeAsync(CancellationToken cancellationToken)
    {
        using var retry = new PeriodicTimer(runtime.Options.StorageRetryPeriod, runtime.TimeProvider);
        while (true)
        {
            try
            {
                await storage.InitializeAsync(cancellationToken);
                break;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogStorageUnavailable(runtime.Options.StorageRetryPeriod, exception);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!await retry.TickOrStopAsync(cancellationToken))
            {
                return;
            }
        }

        runtime.Catalog.Open();
        runtime.Reminders.Start();
        _sweeper = runtime.RunSweeperAsync(_sweeping.Token);
        status.MarkStarted();
        LogStarted(runtime.Options.SiloName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} started")]
    private partial void LogStarted(string silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is not available; retrying in {RetryPeriod}")]
    private partial void LogStorageUnavailable(TimeSpan retryPeriod, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopping: deactivating {Activations} activations")]
    private partial void LogStopping(string silo, int activations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopped; every activation finished and was deactivated")]
    private partial void LogStopped(string silo);
}
