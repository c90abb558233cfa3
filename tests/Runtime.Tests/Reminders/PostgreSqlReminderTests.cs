using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Reminders;

public sealed class PostgreSqlReminderTableTests : ReminderTableConformance, IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() =>
        _connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("reminder_table");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UsePostgreSql(_connectionString);

    [Fact]
    public async Task RemindersRegisteredAllAtOnceAllLandWithTheirDueTimes()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;

        var registered = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            table.UpsertAsync(new GrainId("reminder", $"crowd-{i}"), "sla", Now.AddMinutes(1).AddSeconds(i), TimeSpan.FromSeconds(i % 3), null, CancellationToken.None)));

        for (var i = 0; i < 200; i++)
        {
            var stored = await table.ReadAsync(new GrainId("reminder", $"crowd-{i}"), "sla", CancellationToken.None);
            Assert.Equal(registered[i], stored);
            Assert.Equal(Now.AddMinutes(1).AddSeconds(i), stored!.DueAt);
            Assert.Equal(TimeSpan.FromSeconds(i % 3), stored.Period);
        }

        Assert.Equal(200, registered.Select(entry => entry.Version).Distinct().Count());
    }

    [Fact]
    public async Task AFencedOutReminderChangeFailsAloneAndTheWritesBatchedWithItCommit()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        var storage = silo.Runtime.Storage;
        var kept = new GrainId("reminder", "kept");
        await table.UpsertAsync(kept, "sla", Now.AddMinutes(5), TimeSpan.Zero, null, CancellationToken.None);
        var lost = new Fence(Partition: 0, Epoch: long.MaxValue, Silo: "a-silo-that-lost-the-partition");

        var states = Enumerable.Range(0, 40)
            .Select(i => storage.WriteAsync(new GrainId("counter", $"beside-reminders-{i}"), "counter", $$"""{"count":{{i}},"notes":[]}""", null, null, CancellationToken.None))
            .ToList();
        var reminders = Enumerable.Range(0, 40)
            .Select(i => table.UpsertAsync(new GrainId("reminder", $"beside-states-{i}"), "sla", Now.AddMinutes(1).AddSeconds(i), TimeSpan.Zero, null, CancellationToken.None))
            .ToList();
        var fencedUpsert = table.UpsertAsync(new GrainId("reminder", "fenced"), "sla", Now.AddMinutes(1), TimeSpan.Zero, lost, CancellationToken.None);
        var fencedRemove = table.RemoveAsync(kept, "sla", lost, CancellationToken.None);

        Assert.Contains("no longer holds", (await Assert.ThrowsAsync<InconsistentStateException>(() => fencedUpsert)).Message, StringComparison.Ordinal);
        Assert.Contains("no longer holds", (await Assert.ThrowsAsync<InconsistentStateException>(() => fencedRemove)).Message, StringComparison.Ordinal);
        Assert.All(await Task.WhenAll(states), etag => Assert.Equal("1", etag));
        var upserted = await Task.WhenAll(reminders);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(upserted[i], await table.ReadAsync(new GrainId("reminder", $"beside-states-{i}"), "sla", CancellationToken.None));
            Assert.NotNull(await storage.ReadAsync(new GrainId("counter", $"beside-reminders-{i}"), "counter", CancellationToken.None));
        }

        Assert.Null(await table.ReadAsync(new GrainId("reminder", "fenced"), "sla", CancellationToken.None));
        Assert.NotNull(await table.ReadAsync(kept, "sla", CancellationToken.None));
    }

    [Fact]
    public async Task AReminderTheDatabaseRejectsFailsAloneAndTheWritesBatchedWithItCommit()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        var storage = silo.Runtime.Storage;

        var states = Enumerable.Range(0, 40)
            .Select(i => storage.WriteAsync(new GrainId("counter", $"beside-a-bad-reminder-{i}"), "counter", $$"""{"count":{{i}},"notes":[]}""", null, null, CancellationToken.None))
            .ToList();
        var reminders = Enumerable.Range(0, 40)
            .Select(i => table.UpsertAsync(new GrainId("reminder", $"beside-a-bad-one-{i}"), "sla", Now.AddMinutes(1), TimeSpan.Zero, null, CancellationToken.None))
            .ToList();
        var bad = table.UpsertAsync(new GrainId("reminder", "poisoned"), "sla\0", Now.AddMinutes(1), TimeSpan.Zero, null, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.All(await Task.WhenAll(states), etag => Assert.Equal("1", etag));
        var upserted = await Task.WhenAll(reminders);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(upserted[i], await table.ReadAsync(new GrainId("reminder", $"beside-a-bad-one-{i}"), "sla", CancellationToken.None));
        }

        Assert.Null(await table.ReadAsync(new GrainId("reminder", "poisoned"), "sla", CancellationToken.None));
    }
}

public sealed class PostgreSqlReminderDeliveryTests : ReminderDeliveryTests, IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() =>
        _connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("reminder_delivery");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UsePostgreSql(_connectionString);

    [Fact]
    public async Task ReminderDueWhileTheSiloWasDownFiresOnceAfterItComesBack()
    {
        var probe = new Probe();
        await using (var before = await StartSiloAsync(probe))
        {
            await before.Grains.Get<IReminderGrain>("sleeper").RemindAtAsync("once", Start.AddSeconds(10), TimeSpan.Zero);
            await before.Grains.Get<IReminderGrain>("sleeper").RemindAtAsync("every", Start.AddSeconds(10), TimeSpan.FromSeconds(10));
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        await using var after = await StartSiloAsync(probe);
        await AdvanceAsync(after, TimeSpan.Zero);
        await AdvanceAsync(after, TimeSpan.FromSeconds(5));

        Assert.Equal(
            [ReminderGrain.Tick("sleeper", "every", Start.AddSeconds(10)), ReminderGrain.Tick("sleeper", "once", Start.AddSeconds(10))],
            probe.Events.Order());

        await AdvanceAsync(after, TimeSpan.FromSeconds(5));
        Assert.Equal(ReminderGrain.Tick("sleeper", "every", Start.AddSeconds(70)), probe.Events[^1]);
        Assert.Equal(3, probe.Events.Count);
    }
}
