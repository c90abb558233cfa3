namespace Helpdesk.Runtime.Cluster;

/// <summary>Which partitions this silo serves, and who serves the others.</summary>
internal interface IPartitionDirectory
{
    int PartitionCount { get; }

    /// <summary>Whether other silos may own partitions, so calls may travel and writes are fenced.</summary>
    bool IsClustered { get; }

    /// <summary>The latest map this silo has read.</summary>
    PartitionMap Map { get; }

    /// <summary>How many partitions this silo serves now.</summary>
    int OwnedCount { get; }

    /// <summary>This silo's load, announced with every heartbeat for ops to see.</summary>
    Func<(int Activations, double CallsPerSecond)> Load { get; set; }

    /// <summary>Whether this silo serves <paramref name="partition"/> now, and the fence its activations write under.</summary>
    bool TryGetLocal(int partition, out Fence fence);

    /// <summary>Waits until a map newer than <paramref name="version"/> is read, or <paramref name="timeout"/> passes.</summary>
    Task WaitForChangeAsync(long version, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Asks for a fresh map soon, for example after an owner could not be reached.</summary>
    void RequestRefresh();

    /// <summary>Announces this silo at <paramref name="address"/> and takes its share of partitions.</summary>
    /// <param name="address">Where other silos reach this one.</param>
    /// <param name="drainPartitions">Deactivates every activation of the given partitions, letting running turns finish.</param>
    /// <param name="cancellationToken">Cancels joining.</param>
    Task JoinAsync(string address, Func<IReadOnlySet<int>, Task> drainPartitions, CancellationToken cancellationToken);

    /// <summary>Leaves gracefully: drains and releases every partition so others take them at once; keeps reading the map, so calls still under way here find the new owners.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);

    /// <summary>After leaving: stops reading the map and marks the silo stopped.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Stops renewing and serving without releasing anything, as a silo that dies would.</summary>
    void Abandon();

    /// <summary>Stops renewing but goes on believing it owns its partitions, as a silo frozen by a long pause would.</summary>
    void Freeze();
}
