using System.Diagnostics;
using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Runtime.Tests.Persistence;
using Helpdesk.Runtime.Tests.Reminders;
using Helpdesk.Testing;
using Npgsql;

namespace Helpdesk.Runtime.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ClusterFailureTests
{
    [Fact]
    public async Task KilledSiloLosesNoAcknowledgedWriteAndItsPartitionsAndRemindersMoveWithinTheLease()
    {
        await using var cluster = await TestCluster.StartAsync(3, "kill");
        var victim = cluster.Silos[2];
        var survivors = cluster.Silos.Take(2).ToList();
        var orphans = cluster.KeysOwnedBy(victim, "reminder", "orphan-").Take(5).ToList();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        foreach (var key in orphans)
        {
            await survivors[0].Grains.Get<IReminderGrain>(key).RemindAtAsync("sla", due, TimeSpan.Zero);
        }

        var load = new Load(i => cluster.Silos[i % 3], writers: 8, grainsPerWriter: 10, "kill");
        load.Start();
        await load.MoreAsync(300);

        var sinceKill = Stopwatch.StartNew();
        await victim.KillAsync();
        await cluster.WaitForBalanceAsync(survivors, TimeSpan.FromSeconds(10));
        var failover = sinceKill.Elapsed;
        await load.MoreAsync(300);
        await load.StopAsync();

        Assert.InRange(failover, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        foreach (var grain in load.Grains)
        {
            var notes = await survivors[0].Grains.Get<ICounterGrain>(grain).NotesAsync();
            Assert.Equal(notes.Count, notes.Distinct().Count());
            Assert.Subset(notes.ToHashSet(), load.Acknowledged.Where(a => a.Grain == grain).Select(a => a.Note).ToHashSet());
        }

        await cluster.Probe.WaitUntilAsync(
            events => orphans.All(key => events.Any(e => e.StartsWith($"{key}:sla@", StringComparison.Ordinal))),
            "every reminder of the killed silo's grains to fire on a survivor");
    }

    [Fact]
    public async Task FrozenSiloCannotWriteOnceItsLeasesWereTakenOver()
    {
        await using var cluster = await TestCluster.StartAsync(2, "zombie");
        var (zombie, heir) = (cluster.Silos[0], cluster.Silos[1]);
        var key = cluster.KeysOwnedBy(zombie, "counter", "z").First();
        var partition = new GrainId("counter", key).PartitionOf(TestCluster.PartitionCount);
        await zombie.Grains.Get<ICounterGrain>(key).IncrementAsync("before the pause");

        zombie.Freeze();
        await cluster.WaitForBalanceAsync([heir], TimeSpan.FromSeconds(10));

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => zombie.Grains.Get<ICounterGrain>(key).IncrementAsync("from the zombie"));
        Assert.Contains($"no longer holds partition {partition}", refused.Message, StringComparison.Ordinal);
        var survivor = heir.Grains.Get<ICounterGrain>(key);
        Assert.Equal(["before the pause"], await survivor.NotesAsync());
        Assert.Equal(2, await survivor.IncrementAsync("after the takeover"));
    }

    [Fact]
    public async Task FourthSiloJoiningUnderLoadGetsItsFairShareAndNoCallFails()
    {
        await using var cluster = await TestCluster.StartAsync(3, "scaleout");
        var load = new Load(i => cluster.Silos[i % 3], writers: 8, grainsPerWriter: 25, "out");
        load.Start();
        await load.MoreAsync(200);

        var joiner = await cluster.AddSiloAsync();
        await cluster.WaitForBalanceAsync(cluster.Silos);
        await load.MoreAsync(200);
        await load.StopAsync();

        Assert.Empty(load.Failures);
        Assert.Equal(TestCluster.PartitionCount / 4, joiner.Runtime.OwnedPartitions);
    }

    [Fact]
    public async Task GracefulStopUnderLoadFailsNoCall()
    {
        await using var cluster = await TestCluster.StartAsync(3, "graceful");
        var leaving = cluster.Silos[2];
        var staying = cluster.Silos.Take(2).ToList();
        var load = new Load(i => staying[i % 2], writers: 8, grainsPerWriter: 25, "stop");
        load.Start();
        await load.MoreAsync(200);

        await leaving.StopAsync();
        await cluster.WaitForBalanceAsync(staying);
        await load.MoreAsync(200);
        await load.StopAsync();

        Assert.Empty(load.Failures);
        foreach (var grain in load.Grains.Take(20))
        {
            var notes = await staying[0].Grains.Get<ICounterGrain>(grain).NotesAsync();
            Assert.Equal(load.Acknowledged.Where(a => a.Grain == grain).Select(a => a.Note).Order(), notes.Order());
        }
    }

    [Fact]
    public async Task PostgreSqlRestartLosesNothingAcknowledgedAndTheSilosRecoverTheirLeases()
    {
        await using var server = await ThrowawayPostgres.StartAsync(durable: false);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { SearchPath = "restart" }.ConnectionString;
        await using var cluster = await TestCluster.StartOnAsync(2, connectionString);
        var load = new Load(i => cluster.Silos[i % 2], writers: 4, grainsPerWriter: 10, "restart");
        load.Start();
        await load.MoreAsync(200);
        var active = cluster.Silos[0].Grains.Get<ICounterGrain>(load.Grains.First());
        var before = await active.GetAsync();

        await server.StopServerAsync();
        var duringOutage = await active.GetAsync();
        await server.StartAgainAsync();
        await load.MoreAsync(200);
        await load.StopAsync();
        await cluster.WaitForBalanceAsync(cluster.Silos);

        Assert.True(duringOutage >= before, "an active grain still answers from memory while the database is down");
        foreach (var grain in load.Grains)
        {
            var notes = (await cluster.Silos[1].Grains.Get<ICounterGrain>(grain).NotesAsync()).ToHashSet();
            Assert.Subset(notes, load.Acknowledged.Where(a => a.Grain == grain).Select(a => a.Note).ToHashSet());
        }
    }

    [Fact]
    public async Task CallsToADeadOwnerFailFastUnlessIdempotentWhichGoToTheNewOwner()
    {
        await using var cluster = await TestCluster.StartAsync(2, "deadowner");
        var (caller, doomed) = (cluster.Silos[0], cluster.Silos[1]);
        var key = cluster.KeysOwnedBy(doomed, "placement", "p").First();
        var grain = caller.Grains.Get<IPlacementGrain>(key);
        Assert.Equal(TestCluster.NameOf(1), await grain.SiloAsync());

        await doomed.KillAsync();
        var idempotent = grain.SiloAsync();
        var sinceCall = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(grain.TouchAsync);

        Assert.InRange(sinceCall.Elapsed, TimeSpan.Zero, TestCluster.LeaseDuration);
        Assert.Contains($"Silo {TestCluster.NameOf(1)} at", refused.Message, StringComparison.Ordinal);
        Assert.Contains("partitions move to other silos within a lease time", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TestCluster.NameOf(0), await idempotent.WaitAsync(TimeSpan.FromSeconds(15)));
    }
}
