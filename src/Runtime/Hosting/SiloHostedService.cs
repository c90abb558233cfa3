using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Starts the silo once its storage is ready, and stops it gracefully.</summary>
/// <remarks>
/// Storage is initialized in the background and retried until it succeeds, so the silo answers its health
/// endpoints meanwhile: live at once, ready only when storage is reachable and migrated. In a cluster the silo
/// then opens its internal endpoint and takes its share of partitions.
/// A graceful stop runs in this order: stop claiming reminders and release the claims; drain and release every
/// partition (running turns finish, activations deactivate, queued calls go to the new owners); deactivate
/// whatever is left; close the internal endpoint once the calls under way have been answered; stop reading the
/// partition map; and stop the sweeper last, so calls stuck in a cycle still time out instead of blocking the stop.
/// </remarks>
internal sealed partial class SiloHostedService(
    GrainRuntime runtime,
    IStorageBootstrap storage,
    SiloStatus status,
    IOptions<Cluster.ClusterOptions> cluster,
    ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _sweeping = new();
    private InternalServer? _internalServer;
    private Task? _starting;
    private Task? _sweeper;
    private bool _killed;

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

        if (!status.IsStarted || _killed)
        {
            return;
        }

        LogStopping(runtime.Options.SiloName, runtime.ActivationCount);
        await runtime.Reminders.StopAsync(cancellationToken);
        await runtime.Partitions.LeaveAsync(cancellationToken);
        await runtime.Catalog.DeactivateAllAsync(cancellationToken);
        if (_internalServer is not null)
        {
            await _internalServer.StopAsync(cancellationToken);
            await _internalServer.DisposeAsync();
        }

        await runtime.Partitions.StopAsync(cancellationToken);
        await _sweeping.CancelAsync();
        if (_sweeper is not null)
        {
            await _sweeper;
        }

        runtime.Remote.Dispose();
        LogStopped(runtime.Options.SiloName);
    }

    /// <summary>Dies on the spot, as a crashed process would: no drain, no release; its leases and claims simply expire.</summary>
    internal async Task KillAsync()
    {
        _killed = true;
        status.IsStopping = true;
        runtime.Partitions.Abandon();
        runtime.Reminders.Abandon();
        runtime.Catalog.Close();
        if (_internalServer is not null)
        {
            await _internalServer.StopAsync(new CancellationToken(canceled: true));
            await _internalServer.DisposeAsync();
        }

        await _sweeping.CancelAsync();
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

        var address = "";
        if (runtime.Partitions.IsClustered)
        {
            _internalServer = new InternalServer(runtime, runtime.Remote);
            address = await _internalServer.StartAsync(cluster.Value.InternalPort, cluster.Value.AdvertisedHost, cancellationToken);
        }

        await runtime.Partitions.JoinAsync(address, runtime.Catalog.DeactivatePartitionsAsync, cancellationToken);
        runtime.Catalog.Open();
        runtime.Reminders.Start();
        _sweeper = runtime.RunSweeperAsync(_sweeping.Token);
        status.MarkStarted();
        LogStarted(runtime.Options.SiloName, address, runtime.Partitions.OwnedCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} started (internal endpoint '{Address}', {Partitions} partitions)")]
    private partial void LogStarted(string silo, string address, int partitions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is not available; retrying in {RetryPeriod}")]
    private partial void LogStorageUnavailable(TimeSpan retryPeriod, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopping: deactivating {Activations} activations")]
    private partial void LogStopping(string silo, int activations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} stopped; every activation finished and was deactivated")]
    private partial void LogStopped(string silo);
}
