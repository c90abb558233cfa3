using Helpdesk.Runtime.Hosting;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Reminders;

public sealed class PostgreSqlReminderTableTests : ReminderTableConformance, IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() =>
        _connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("reminder_table");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UsePostgreSql(_connectionString);
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
