using System.Collections.Concurrent;
using Helpdesk.Runtime.Diagnostics;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Runtime.Cluster;

/// <summary>Holds this silo's share of partition leases in PostgreSQL: renews them, takes free and expired ones, sheds the surplus.</summary>
/// <remarks>
/// Lease renewal is the liveness signal: a silo that stops renewing loses its partitions when the leases expire,
/// and whoever takes them raises the epoch, which fences the old owner's writes. A shed partition is drained
/// first (running turns finish, activations deactivate, queued calls go to the new owner) and then released.
/// Changes are announced with <c>NOTIFY</c>; every silo also re-reads the map each renew period.
/// </remarks>
internal sealed partial class PartitionLeaseManager(
    ClusterTable table,
    RuntimeInstruments instruments,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<SiloOptions> siloOptions,
    TimeProvider timeProvider,
    ILogger<PartitionLeaseManager> logger) : IPartitionDirectory
{
    private readonly ClusterOptions _options = clusterOptions.Value;
    private readonly string _silo = siloOptions.Value.SiloName;
    private readonly ConcurrentDictionary<int, long> _owned = new();
    private readonly ConcurrentDictionary<int, byte> _draining = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _mapChanged = NewSignal();
    private PartitionMap _map = PartitionMap.Empty;
    private Func<IReadOnlySet<int>, Task> _drain = _ => Task.CompletedTask;
    private string _address = "";
    private long _generation;
    private bool _leaving;
    private Task _loop = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;

    public int PartitionCount => _options.PartitionCount;

    public bool IsClustered => true;

    public PartitionMap Map => Volatile.Read(ref _map);

    public int OwnedCount => _owned.Count;

    /// <summary>Reports this silo's activations and calls per second at each heartbeat.</summary>
    public Func<(int Activations, double CallsPerSecond)> Load { get; set; } = () => (0, 0);

    public bool TryGetLocal(int partition, out Fence fence)
    {
        if (_owned.TryGetValue(partition, out var epoch) && !_draining.ContainsKey(partition))
        {
            fence = new Fence(partition, epoch, _silo);
            return true;
        }

        fence = default;
        return false;
    }

    public async Task WaitForChangeAsync(long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_lock)
        {
            if (_map.Version > version)
            {
                return;
            }

            changed = _mapChanged.Task;
        }

        await Task.WhenAny(changed, Task.Delay(timeout, timeProvider, cancellationToken));
    }

    public void RequestRefresh() => Volatile.Read(ref _wake).TrySetResult();

    public async Task JoinAsync(string address, Func<IReadOnlySet<int>, Task> drainPartitions, CancellationToken cancellationToken)
    {
        _address = address;
        _drain = drainPartitions;
        _generation = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await table.EnsurePartitionsAsync(_options.PartitionCount, cancellationToken);
        await CycleAsync(cancellationToken);
        await table.NotifyAsync(cancellationToken);
        _loop = RunAsync(_stop.Token);
        _listener = ListenAsync(_stop.Token);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        _leaving = true;
        LogLeaving(_silo, _owned.Count);
        await table.HeartbeatAsync(_silo, _address, _generation, "leaving", 0, 0, cancellationToken);
        await table.NotifyAsync(cancellationToken);

        // Stop serving everything at once, drain in one pass, release in one statement.
        var leaving = _owned.Keys.ToHashSet();
        foreach (var partition in leaving)
        {
            _draining.TryAdd(partition, 0);
        }

        await _drain(leaving);
        _owned.Clear();
        await table.ReleaseAllAsync(_silo, cancellationToken);
        await table.NotifyAsync(cancellationToken);
        RequestRefresh();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync();
        await table.HeartbeatAsync(_silo, _address, _generation, "stopped", 0, 0, cancellationToken);
    }

    public void Abandon()
    {
        _stop.Cancel();
        _owned.Clear();
    }

    public void Freeze() => _stop.Cancel();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            await Task.WhenAny(wake, Task.Delay(_options.RenewPeriod, timeProvider, cancellationToken));
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Exchange(ref _wake, NewSignal());
            try
            {
                await CycleAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogCycleFailed(_silo, exception);
            }
        }
    }

    /// <summary>One round: renew, announce, give up the surplus, take the shortfall, re-read the map.</summary>
    private async Task CycleAsync(CancellationToken cancellationToken)
    {
        var renewed = await table.RenewAsync(_silo, _options.LeaseDuration, cancellationToken);
        var (activations, callsPerSecond) = Load();
        await table.HeartbeatAsync(_silo, _address, _generation, _leaving ? "leaving" : "active", activations, callsPerSecond, cancellationToken);

        foreach (var (partition, epoch) in _owned)
        {
            if (!renewed.TryGetValue(partition, out var current) || current != epoch)
            {
                LoseLease(partition);
            }
            else
            {
                instruments.LeaseRenewed();
            }
        }

        var acquiredCount = 0;
        var share = 0;
        if (!_leaving)
        {
            share = FairShare.Of(_options.PartitionCount, await table.CountLiveSilosAsync(_options.LeaseDuration, cancellationToken));
            var serving = _owned.Keys.Where(partition => !_draining.ContainsKey(partition)).ToList();
            foreach (var partition in FairShare.ToShed(serving, share))
            {
                Shed(partition);
            }

            var wanted = FairShare.ToAcquire(serving.Count, share);
            if (wanted > 0)
            {
                var acquired = await table.AcquireAsync(_silo, wanted, _options.LeaseDuration, cancellationToken);
                foreach (var (partition, epoch) in acquired)
                {
                    _owned[partition] = epoch;
                }

                acquiredCount = acquired.Count;
            }
        }

        if (acquiredCount > 0)
        {
            await table.NotifyAsync(cancellationToken);
        }

        await RefreshMapAsync(cancellationToken);
        if (acquiredCount > 0)
        {
            LogAcquired(_silo, acquiredCount, _owned.Count, share);
        }
    }

    private void LoseLease(int partition)
    {
        if (_owned.TryRemove(partition, out _))
        {
            LogLeaseLost(_silo, partition);
            instruments.LeaseLost();
            _ = _drain(new HashSet<int> { partition });
        }
    }

    /// <summary>Stops serving the partition, lets its activations finish and deactivate, then releases it.</summary>
    /// <remarks>
    /// The partition is marked as draining before the drain starts, so the drain's own end, which may come on
    /// another thread at once, always finds the mark to clear.
    /// </remarks>
    private void Shed(int partition)
    {
        if (_draining.TryAdd(partition, 0))
        {
            _ = DrainAndReleaseAsync(partition, CancellationToken.None);
        }
    }

    private async Task DrainAndReleaseAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            await _drain(new HashSet<int> { partition });
            if (_owned.TryRemove(partition, out var epoch))
            {
                await table.ReleaseAsync(_silo, partition, epoch, cancellationToken);
                await table.NotifyAsync(cancellationToken);
            }
        }
        catch (Exception exception)
        {
            LogShedFailed(_silo, partition, exception);
        }
        finally
        {
            _draining.TryRemove(partition, out _);
        }
    }

    private async Task RefreshMapAsync(CancellationToken cancellationToken)
    {
        var (partitions, silos) = await table.ReadMapAsync(_options.LeaseDuration, cancellationToken);
        TaskCompletionSource changed;
        lock (_lock)
        {
            _map = new PartitionMap(_map.Version + 1, partitions, silos);
            changed = _mapChanged;
            _mapChanged = NewSignal();
        }

        changed.TrySetResult();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await table.ListenAsync(RequestRefresh, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogListenFailed(_silo, _options.RenewPeriod, exception);
                await Task.WhenAny(Task.Delay(_options.RenewPeriod, timeProvider, cancellationToken));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StopLoopsAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loop, _listener).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} acquired {Acquired} partitions; it owns {Owned}, its share is {Share}")]
    private partial void LogAcquired(string silo, int acquired, int owned, int share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} lost its lease on partition {Partition}; its activations there are deactivated")]
    private partial void LogLeaseLost(string silo, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is leaving: draining and releasing {Partitions} partitions")]
    private partial void LogLeaving(string silo, int partitions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Silo {Silo} failed a lease round; retrying at the next renew period")]
    private partial void LogCycleFailed(string silo, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Silo {Silo} failed to shed partition {Partition}; its lease will expire instead")]
    private partial void LogShedFailed(string silo, int partition, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} lost its LISTEN connection; polling every {Period} until it is back")]
    private partial void LogListenFailed(string silo, TimeSpan period, Exception exception);
}
