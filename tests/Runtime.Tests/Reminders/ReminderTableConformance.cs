using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Reminders;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Reminders;

/// <summary>What every reminder table must do; each table runs this suite through a subclass.</summary>
public abstract class ReminderTableConformance
{
    private static readonly GrainId Grain = new("reminder", "g-1");
    private protected static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(60);

    protected abstract void UseStorage(GrainRuntimeBuilder runtime);

    private protected async Task<(TestSilo Silo, IReminderTable Table)> StartAsync()
    {
        // A clock that never moves: the silo polls once at start-up and then leaves the table to the test.
        var silo = await TestSilo.StartAsync(storage: UseStorage, clock: new ManualTimeProvider(Now));
        await silo.Runtime.Reminders.WhenPolledAsync(Now);
        return (silo, silo.Runtime.Reminders.Table);
    }

    [Fact]
    public async Task UpsertReplacesTheReminderWithANewVersion()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;

        var first = await table.UpsertAsync(Grain, "sla", Now.AddSeconds(5), TimeSpan.Zero, null, CancellationToken.None);
        var second = await table.UpsertAsync(Grain, "sla", Now.AddSeconds(9), TimeSpan.FromSeconds(3), null, CancellationToken.None);

        var stored = await table.ReadAsync(Grain, "sla", CancellationToken.None);
        Assert.True(second.Version > first.Version);
        Assert.Equal(new ReminderEntry(Grain, "sla", Now.AddSeconds(9), TimeSpan.FromSeconds(3), Now.AddSeconds(9), second.Version), stored);
    }

    [Fact]
    public async Task RemoveDeletesTheReminder()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "sla", Now, TimeSpan.Zero, null, CancellationToken.None);

        Assert.True(await table.RemoveAsync(Grain, "sla", null, CancellationToken.None));
        Assert.False(await table.RemoveAsync(Grain, "sla", null, CancellationToken.None));
        Assert.Null(await table.ReadAsync(Grain, "sla", CancellationToken.None));
    }

    [Fact]
    public async Task OnlyDueRemindersAreClaimedAndEachOnlyOnce()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "due", Now, TimeSpan.Zero, null, CancellationToken.None);
        await table.UpsertAsync(Grain, "later", Now.AddSeconds(1), TimeSpan.Zero, null, CancellationToken.None);

        var first = await table.ClaimDueAsync("silo-a", Now, Claim, 100, CancellationToken.None);
        var second = await table.ClaimDueAsync("silo-b", Now, Claim, 100, CancellationToken.None);

        Assert.Equal(["due"], first.Select(e => e.ReminderName));
        Assert.Empty(second);
    }

    [Fact]
    public async Task AnExpiredClaimIsTakenOverByAnotherSilo()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "due", Now, TimeSpan.Zero, null, CancellationToken.None);
        await table.ClaimDueAsync("dead-silo", Now, Claim, 100, CancellationToken.None);

        Assert.Empty(await table.ClaimDueAsync("silo-b", Now + Claim - TimeSpan.FromSeconds(1), Claim, 100, CancellationToken.None));
        Assert.Single(await table.ClaimDueAsync("silo-b", Now + Claim, Claim, 100, CancellationToken.None));
    }

    [Fact]
    public async Task CompletingAPeriodicReminderMovesItAndReleasesTheClaim()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "tick", Now, TimeSpan.FromSeconds(10), null, CancellationToken.None);
        var claimed = Assert.Single(await table.ClaimDueAsync("silo-a", Now, Claim, 100, CancellationToken.None));

        await table.CompleteAsync(claimed, "silo-a", Now.AddSeconds(10), CancellationToken.None);

        Assert.Equal(Now.AddSeconds(10), (await table.ReadAsync(Grain, "tick", CancellationToken.None))!.DueAt);
        Assert.Empty(await table.ClaimDueAsync("silo-b", Now.AddSeconds(9), Claim, 100, CancellationToken.None));
        Assert.Single(await table.ClaimDueAsync("silo-b", Now.AddSeconds(10), Claim, 100, CancellationToken.None));
    }

    [Fact]
    public async Task CompletingAOneShotReminderDeletesIt()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "once", Now, TimeSpan.Zero, null, CancellationToken.None);
        var claimed = Assert.Single(await table.ClaimDueAsync("silo-a", Now, Claim, 100, CancellationToken.None));

        await table.CompleteAsync(claimed, "silo-a", null, CancellationToken.None);

        Assert.Null(await table.ReadAsync(Grain, "once", CancellationToken.None));
    }

    [Fact]
    public async Task ADeliveryNeverOverwritesARegistrationMadeMeanwhile()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "sla", Now, TimeSpan.Zero, null, CancellationToken.None);
        var claimed = Assert.Single(await table.ClaimDueAsync("silo-a", Now, Claim, 100, CancellationToken.None));

        var renewed = await table.UpsertAsync(Grain, "sla", Now.AddMinutes(5), TimeSpan.Zero, null, CancellationToken.None);
        await table.CompleteAsync(claimed, "silo-a", null, CancellationToken.None);

        Assert.Equal(renewed, await table.ReadAsync(Grain, "sla", CancellationToken.None));
    }

    [Fact]
    public async Task ReleasedClaimsCanBeClaimedAtOnce()
    {
        var (silo, table) = await StartAsync();
        await using var _ = silo;
        await table.UpsertAsync(Grain, "due", Now, TimeSpan.Zero, null, CancellationToken.None);
        await table.ClaimDueAsync("leaving-silo", Now, Claim, 100, CancellationToken.None);

        await table.ReleaseClaimsAsync("leaving-silo", CancellationToken.None);

        Assert.Single(await table.ClaimDueAsync("silo-b", Now, Claim, 100, CancellationToken.None));
    }
}
