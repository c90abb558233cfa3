using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Helpdesk.Cluster.Hosting;

/// <summary>
/// Keeps a silo that froze (a stopped process, a stalled machine, a long pause) from serving before it knows it is still
/// a member of its cluster.
/// </summary>
/// <remarks>
/// While a silo is frozen the others may declare it dead and activate its grains themselves. Resumed, it would go on
/// serving the requests waiting in its sockets from its own activations until it next reads the membership table,
/// answering from stale state and writing it wherever no newer write stands in the way. So a heartbeat thread watches
/// for a gap longer than a probe timeout; after one, every grain call waits for a read of the membership table, and so
/// does every state write (<see cref="Storage.TypedKeyGrainStorage"/>) of a call that was already running. A silo
/// declared dead learns it there and Orleans stops it; the calls fail as retryable (503 over HTTP). The heartbeat is a
/// thread of its own, so a busy thread pool does not pass for a freeze; a long garbage collection does, and costs one
/// read of the table.
/// </remarks>
internal sealed partial class FreezeGuard(
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IOptions<ClusterMembershipOptions> options,
    ILogger<FreezeGuard> log) : IIncomingGrainCallFilter, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private long _lastBeat = Stopwatch.GetTimestamp();
    private bool _running;
    private bool _verified = true;
    private Task _check = Task.CompletedTask;

    /// <summary>A gap in the heartbeat longer than this, the first probe timeout, may have cost the silo its membership.</summary>
    private TimeSpan Gap => options.Value.ProbeTimeout;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ServingAsync();
        await context.Invoke();
    }

    /// <summary>
    /// Done at once, unless the silo may have been frozen since it last knew it was a member: then done once the
    /// membership table still counts it active, and failed when it does not.
    /// </summary>
    public Task ServingAsync() =>
        Volatile.Read(ref _running) && (!Volatile.Read(ref _verified) || Stopwatch.GetElapsedTime(Volatile.Read(ref _lastBeat)) > Gap)
            ? VerifyAsync()
            : Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            nameof(FreezeGuard),
            ServiceLifecycleStage.Active,
            _ =>
            {
                Volatile.Write(ref _lastBeat, Stopwatch.GetTimestamp());
                Volatile.Write(ref _running, true);
                new Thread(Heartbeat) { IsBackground = true, Name = "Helpdesk freeze guard" }.Start();
                return Task.CompletedTask;
            },
            _ =>
            {
                Volatile.Write(ref _running, false);
                return Task.CompletedTask;
            });
    }

    /// <summary>Beats until the silo stops; nothing it uses is disposed under it, so it may outlive the container by a beat.</summary>
    private void Heartbeat()
    {
        while (true)
        {
            Thread.Sleep(Beat);
            if (!Volatile.Read(ref _running))
            {
                return;
            }

            var gap = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastBeat));
            if (gap > Gap)
            {
                // Unverified before the beat moves on, so no call slips through between the two.
                LogFrozen(log, gap);
                VerifyAsync().ContinueWith(check => check.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            Volatile.Write(ref _lastBeat, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Reads the membership table once for every call waiting; throws while this silo is not an active member.</summary>
    private Task VerifyAsync()
    {
        lock (_lock)
        {
            Volatile.Write(ref _verified, false);
            if (_check.IsCompleted)
            {
                _check = CheckAsync();
            }

            return _check;
        }
    }

    private async Task CheckAsync()
    {
        await membership.Refresh();
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            throw new SiloUnavailableException($"Silo {silo.Name} is {status} in its cluster's membership after a pause; it serves nothing more.");
        }

        Volatile.Write(ref _verified, true);
        LogVerified(log);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat for {Gap}: the silo may have been frozen and declared dead; grain calls wait for a read of the membership table")]
    private static partial void LogFrozen(ILogger logger, TimeSpan gap);

    [LoggerMessage(Level = LogLevel.Information, Message = "The membership table still counts this silo active; grain calls go on")]
    private static partial void LogVerified(ILogger logger);
}
