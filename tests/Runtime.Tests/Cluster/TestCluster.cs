using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Cluster;

/// <summary>Several silos in this process on one PostgreSQL schema, with short leases so failover is quick to watch.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const int PartitionCount = 64;

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    private readonly string _connectionString;

    private TestCluster(string connectionString)
    {
        _connectionString = connectionString;
    }

    public List<TestSilo> Silos { get; } = [];

    public Probe Probe { get; } = new();

    public static async Task<TestCluster> StartAsync(int silos, string name) =>
        await StartOnAsync(silos, (await PostgresServer.Shared).ConnectionStringForNewSchema(name));

    public static async Task<TestCluster> StartOnAsync(int silos, string connectionString)
    {
        var cluster = new TestCluster(connectionString);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync();
        }

        await cluster.WaitForBalanceAsync(cluster.Silos);
        return cluster;
    }

    public static string NameOf(int index) => $"silo-{index}";

    public async Task<TestSilo> AddSiloAsync()
    {
        var name = NameOf(Silos.Count);
        var silo = await TestSilo.StartAsync(
            storage: runtime => runtime.UsePostgreSql(_connectionString),
            probe: Probe,
            options: o =>
            {
                o.SiloName = name;
                o.ReminderPollPeriod = TimeSpan.FromMilliseconds(250);
                o.ReminderClaimDuration = TimeSpan.FromSeconds(3);
                o.CallTimeout = TimeSpan.FromSeconds(20);
            },
            cluster: c =>
            {
                c.PartitionCount = PartitionCount;
                c.LeaseDuration = LeaseDuration;
                c.RenewPeriod = TimeSpan.FromMilliseconds(250);
            });
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Waits until <paramref name="live"/> own every partition between them, each no more than its fair share.</summary>
    public async Task WaitForBalanceAsync(IReadOnlyList<TestSilo> live, TimeSpan? patience = null)
    {
        var names = live.Select(silo => silo.Runtime.Options.SiloName).ToHashSet();
        var share = FairShare.Of(PartitionCount, live.Count);
        var deadline = DateTimeOffset.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var map = live[0].Runtime.ClusterMap;
            var owners = map.Partitions.Where(lease => !lease.Expired && lease.Owner is not null).GroupBy(lease => lease.Owner!).ToDictionary(g => g.Key, g => g.Count());
            var balanced = map.Partitions.Count == PartitionCount
                && owners.Keys.All(names.Contains)
                && owners.Values.Sum() == PartitionCount
                && live.All(silo => owners.GetValueOrDefault(silo.Runtime.Options.SiloName) is var owned && owned <= share && owned == silo.Runtime.OwnedPartitions);
            if (balanced)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Silos {string.Join(", ", names)} did not settle on their fair share of {share} partitions; they own {string.Join(", ", owners.Select(o => $"{o.Key}: {o.Value}"))}.");
            }

            await live[0].Runtime.Partitions.WaitForChangeAsync(map.Version, TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    /// <summary>Keys of grains of <paramref name="type"/> whose partition <paramref name="silo"/> owns now.</summary>
    public IEnumerable<string> KeysOwnedBy(TestSilo silo, string type, string prefix) =>
        Enumerable.Range(0, int.MaxValue)
            .Select(i => $"{prefix}{i}")
            .Where(key => silo.Runtime.ClusterMap[new GrainId(type, key).PartitionOf(PartitionCount)].Owner == silo.Runtime.Options.SiloName);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }
}
