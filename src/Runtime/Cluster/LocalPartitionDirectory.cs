using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Runtime.Cluster;

/// <summary>A silo alone with in-memory storage: it serves every partition, and there is nobody to fence against.</summary>
internal sealed class LocalPartitionDirectory(IOptions<ClusterOptions> cluster, IOptions<SiloOptions> silo) : IPartitionDirectory
{
    public int PartitionCount => cluster.Value.PartitionCount;

    public bool IsClustered => false;

    public PartitionMap Map { get; } = new(1, [], []);

    public int OwnedCount => PartitionCount;

    public Func<(int Activations, double CallsPerSecond)> Load { get; set; } = () => (0, 0);

    public bool TryGetLocal(int partition, out Fence fence)
    {
        fence = new Fence(partition, 0, silo.Value.SiloName);
        return true;
    }

    public Task WaitForChangeAsync(long version, TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;

    public void RequestRefresh()
    {
    }

    public Task JoinAsync(string address, Func<IReadOnlySet<int>, Task> drainPartitions, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LeaveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Abandon()
    {
    }

    public void Freeze()
    {
    }
}
