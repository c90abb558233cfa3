using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Reminders;

/// <summary>Reminders delivered by a running silo under a manual clock; each store runs these through a subclass.</summary>
public abstract class ReminderDeliveryTests
{
    protected ManualTimeProvider Clock { get; } = new();

    protected DateTimeOffset Start { get; } = new ManualTimeProvider().GetUtcNow();

    protected abstract void UseStorage(GrainRuntimeBuilder runtime);

    private protected Task<TestSilo> StartSiloAsync(Probe? probe = null) =>
        TestSilo.StartAsync(storage: UseStorage, clock: Clock, probe: probe);

    /// <summary>Moves the clock and waits until the silo has polled at the new time and finished what it claimed.</summary>
    private protected async Task AdvanceAsync(TestSilo silo, TimeSpan delta)
    {
        Clock.Advance(delta);
        await silo.Runtime.Reminders.WhenPolledAsync(Clock.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(15));
        await silo.Runtime.Reminders.DeliveriesDoneAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task OneShotReminderFiresAtItsDueSecondAndIsGone()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.Get<IReminderGrain>("sla");
        await grain.RemindAtAsync("warning", Start.AddSeconds(5), TimeSpan.Zero);

        await AdvanceAsync(silo, TimeSpan.FromSeconds(4));
        Assert.Empty(silo.Probe.Events);

        await AdvanceAsync(silo, TimeSpan.FromSeconds(1));
        Assert.Equal([ReminderGrain.Tick("sla", "warning", Start.AddSeconds(5))], silo.Probe.Events);
        Assert.False(await grain.HasReminderAsync("warning"));
    }

    [Fact]
    public async Task PeriodicReminderKeepsItsCadence()
    {
        await using var silo = await StartSiloAsync();
        await silo.Grains.Get<IReminderGrain>("beat").RemindAtAsync("pulse", Start.AddSeconds(10), TimeSpan.FromSeconds(10));

        for (var i = 0; i < 4; i++)
        {
            await AdvanceAsync(silo, TimeSpan.FromSeconds(5));
            await AdvanceAsync(silo, TimeSpan.FromSeconds(5));
        }

        Assert.Equal(
            [.. Enumerable.Range(1, 4).Select(i => ReminderGrain.Tick("beat", "pulse", Start.AddSeconds(10 * i)))],
            silo.Probe.Events);
    }

    [Fact]
    public async Task UnregisteredReminderNeverFires()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.Get<IReminderGrain>("quiet");
        await grain.RemindAtAsync("cancelled", Start.AddSeconds(2), TimeSpan.Zero);

        await grain.ForgetAsync("cancelled");
        await AdvanceAsync(silo, TimeSpan.FromSeconds(3));

        Assert.Empty(silo.Probe.Events);
    }

    [Fact]
    public async Task ClaimHeldByADeadClaimerIsTakenOverAfterItExpires()
    {
        await using var silo = await StartSiloAsync();
        var table = silo.Runtime.Reminders.Table;
        var orphan = new GrainId("reminder", "orphan");
        await table.UpsertAsync(orphan, "sla", Start.AddSeconds(1), TimeSpan.Zero, null, CancellationToken.None);
        await table.ClaimDueAsync("dead-silo", Start.AddSeconds(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None);

        await AdvanceAsync(silo, TimeSpan.FromSeconds(30));
        Assert.Empty(silo.Probe.Events);

        await AdvanceAsync(silo, TimeSpan.FromSeconds(1));
        Assert.Equal([ReminderGrain.Tick("orphan", "sla", Start.AddSeconds(1))], silo.Probe.Events);
    }
}
