using System.Diagnostics;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>Silos hosted in this process on one PostgreSQL schema, as the cluster tests host them.</summary>
internal sealed class BenchmarkCluster(string connectionString, int partitionCount, LeaseSettings leases) : IAsyncDisposable
{
    /// <summary>How long to wait for a map change before looking again anyway.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    private readonly List<ClusterSilo> _dead = [];
    private int _started;

    public int PartitionCount => partitionCount;

    public LeaseSettings Leases => leases;

    /// <summary>The silos started and not killed, oldest first.</summary>
    public List<ClusterSilo> Live { get; } = [];

    public async Task<ClusterSilo> AddSiloAsync(CancellationToken cancellationToken)
    {
        var silo = await ClusterSilo.StartAsync(connectionString, $"silo-{++_started}", partitionCount, leases, cancellationToken);
        Live.Add(silo);
        return silo;
    }

    /// <summary>Kills <paramref name="silo"/> as a crash would; it no longer counts as live.</summary>
    public async Task KillAsync(ClusterSilo silo)
    {
        Live.Remove(silo);
        _dead.Add(silo);
        await silo.KillAsync();
    }

    /// <summary>Releases the resources of the silos killed so far, as the operating system would for a crashed process.</summary>
    public async Task BuryDeadAsync()
    {
        foreach (var silo in _dead)
        {
            await silo.DisposeAsync();
        }

        _dead.Clear();
    }

    /// <summary>Whether the live silos own every partition between them, and every live silo's map says so with unexpired leases.</summary>
    public bool LiveOwnAll()
    {
        var names = Live.Select(silo => silo.Name).ToHashSet();
        return Live.Sum(silo => silo.Runtime.OwnedPartitions) == partitionCount
            && Live.All(silo => silo.Runtime.ClusterMap.Partitions is var leases
                && leases.Count == partitionCount
                && leases.All(lease => !lease.Expired && lease.Owner is { } owner && names.Contains(owner)));
    }

    /// <summary>Whether the live silos own every partition and each holds no more than its fair share, as every map agrees.</summary>
    public bool IsBalanced()
    {
        var share = FairShare.Of(partitionCount, Live.Count);
        return LiveOwnAll()
            && Live.All(silo => silo.Runtime.OwnedPartitions <= share
                && Live.All(viewer => viewer.Runtime.ClusterMap.Partitions.Count(lease => lease.Owner == silo.Name) == silo.Runtime.OwnedPartitions));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, looking again at every map change of a live silo.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new BenchmarkException($"Expected {expected} within {limit.TotalSeconds:F0} s, but it did not happen; live silos own {Ownership()}.");
            }

            await Task.WhenAny(Live.Select(silo => silo.Runtime.Partitions.WaitForChangeAsync(silo.Runtime.ClusterMap.Version, Recheck, cancellationToken)));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Keys of ping grains whose partition <paramref name="owner"/> owns, as <paramref name="viewer"/>'s map has it.</summary>
    public IEnumerable<string> KeysOwnedBy(ClusterSilo owner, ClusterSilo viewer, string type) =>
        Enumerable.Range(0, int.MaxValue)
            .Select(i => $"ping-{i}")
            .Where(key => viewer.Runtime.ClusterMap[new GrainId(type, key).PartitionOf(partitionCount)].Owner == owner.Name);

    public async ValueTask DisposeAsync()
    {
        await BuryDeadAsync();
        foreach (var silo in Live)
        {
            await silo.DisposeAsync();
        }

        Live.Clear();
    }

    private string Ownership() =>
        string.Join(", ", Live.Select(silo => $"{silo.Name}: {silo.Runtime.OwnedPartitions}")) + $" of {partitionCount} partitions";
}
