namespace Helpdesk.Runtime.Hosting;

/// <summary>Whether this silo is ready to serve: started, not stopping, and its storage reachable.</summary>
public sealed class SiloStatus(IStorageBootstrap storage)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once storage is initialized and the runtime started.</summary>
    public bool IsStarted => _started.Task.IsCompleted;

    /// <summary>Set when the silo begins a graceful stop.</summary>
    public bool IsStopping { get; internal set; }

    /// <summary>Completes when storage is initialized and the runtime has started.</summary>
    public Task WhenStarted => _started.Task;

    /// <summary>Whether the silo is ready for traffic, and if not, why.</summary>
    public async Task<(bool Ready, string Reason)> CheckReadyAsync(CancellationToken cancellationToken)
    {
        if (IsStopping)
        {
            return (false, "The silo is stopping.");
        }

        if (!IsStarted)
        {
            return (false, "The silo is starting: storage is not reachable or not migrated yet.");
        }

        return await storage.IsReachableAsync(cancellationToken)
            ? (true, "Storage is reachable and migrated.")
            : (false, "Storage is not reachable.");
    }

    internal void MarkStarted() => _started.TrySetResult();
}
