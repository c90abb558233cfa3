using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Tests.Activation;
using Helpdesk.Runtime.Tests.Persistence;

namespace Helpdesk.Runtime.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ClusterPlacementTests
{
    [Fact]
    public async Task TenThousandGrainsCalledThroughEverySiloLiveOnExactlyOneAndReadBackEverywhere()
    {
        await using var cluster = await TestCluster.StartAsync(3, "placement");
        var keys = Enumerable.Range(0, 10_000).Select(i => $"g{i}").ToArray();

        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Length), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await cluster.Silos[i % 3].Grains.Get<ICounterGrain>(keys[i]).IncrementAsync($"via silo {i % 3}"));

        var placements = cluster.Silos
            .SelectMany(silo => silo.ActivationIds.Where(id => id.Type == "counter").Select(id => (Id: id, Silo: silo.Runtime.Options.SiloName)))
            .ToList();
        Assert.Equal(keys.Length, placements.Count);
        Assert.Equal(keys.Length, placements.Select(p => p.Id).Distinct().Count());
        var map = cluster.Silos[0].Runtime.ClusterMap;
        Assert.All(placements, p => Assert.Equal(map[p.Id.PartitionOf(TestCluster.PartitionCount)].Owner, p.Silo));

        var counts = new int[keys.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Length), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            counts[i] = await cluster.Silos[(i + 1) % 3].Grains.Get<ICounterGrain>(keys[i]).GetAsync());
        Assert.All(counts, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task CallsResultsGrainReferencesAndExceptionsCrossSilosUnchanged()
    {
        await using var cluster = await TestCluster.StartAsync(2, "crossing");
        var remoteKey = cluster.KeysOwnedBy(cluster.Silos[1], "counter", "r").First();
        var viaFirst = cluster.Silos[0].Grains.Get<ICounterGrain>(remoteKey);

        Assert.Equal(1, await viaFirst.IncrementAsync("over the wire"));
        Assert.Equal(["over the wire"], await viaFirst.NotesAsync());
        Assert.DoesNotContain(new GrainId("counter", remoteKey), cluster.Silos[0].ActivationIds);
        Assert.Contains(new GrainId("counter", remoteKey), cluster.Silos[1].ActivationIds);

        var remote = cluster.Silos[0].Grains.Get<ITurnGrain>(cluster.KeysOwnedBy(cluster.Silos[1], "turn", "t").First());
        var local = cluster.Silos[0].Grains.Get<ITurnGrain>(cluster.KeysOwnedBy(cluster.Silos[0], "turn", "t").First());
        Assert.Equal(await local.ActivationAsync(), await remote.AskAsync(local));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => remote.ThrowAsync("queue is full"));
        Assert.StartsWith("queue is full", error.Message, StringComparison.Ordinal);
    }
}
