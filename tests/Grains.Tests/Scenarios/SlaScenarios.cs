using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Helpdesk.Testing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class SlaScenarios
{
    /// <summary>How often a wake-up reminder repeats: <c>Silo:ReminderPeriod</c> by default.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private static readonly SlaPolicy QueuedInTenTwentyThirty = Policy(
        WorkCalendar.AlwaysOpen,
        new SlaRule(ContactStatus.Queued, null, [Threshold(SlaDegree.Warning, 10), Threshold(SlaDegree.Violation, 20), Threshold(SlaDegree.Critical, 30)]));

    [Fact]
    public async Task EachThresholdFiresAtItsSecondAndNotBefore()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", QueuedInTenTwentyThirty);
        var start = center.Clock.GetUtcNow();
        await center.CreateContactAsync("waits", "support");

        foreach (var (second, degree) in new[] { (10, SlaDegree.Warning), (20, SlaDegree.Violation), (30, SlaDegree.Critical) })
        {
            await center.AdvanceAsync(start + TimeSpan.FromSeconds(second - 1) - center.Clock.GetUtcNow());
            Assert.DoesNotContain(await ViolationsAsync(center, "support", start), v => v.Degree == degree);
            await center.AdvanceAsync(TimeSpan.FromSeconds(1));
            // The tick that crosses it is due now; the clock stands still while its delivery is awaited.
            var crossed = Assert.Single(
                await ContactCenter.EventuallyAsync(() => ViolationsAsync(center, "support", start), all => all.Any(v => v.Degree == degree), $"the {degree} recorded"),
                v => v.Degree == degree);
            Assert.Equal(start + TimeSpan.FromSeconds(second), crossed.At);
            Assert.Equal(("waits", ContactStatus.Queued, "support"), (crossed.ContactId, crossed.Status, crossed.Department));
        }

        Assert.Empty((await center.GetContactAsync("waits")).Sla);
    }

    [Fact]
    public async Task LeavingAStatusDisarmsItsThresholds()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", QueuedInTenTwentyThirty);
        var start = center.Clock.GetUtcNow();
        await center.CreateContactAsync("answered", "support");
        await center.AdvanceAsync(TimeSpan.FromSeconds(15));
        await center.AddOperatorAsync("ann", "support");
        await center.WaitForOfferAsync("answered", "ann");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("answered").AcceptAsync("ann"));

        await center.AdvanceAsync(TimeSpan.FromSeconds(30));

        var only = Assert.Single(await ViolationsAsync(center, "support", start));
        Assert.Equal(SlaDegree.Warning, only.Degree);
    }

    [Fact]
    public async Task WorkingTimeThresholdsSkipTheWeekend()
    {
        var policy = Policy(WorkCalendar.OfficeHours, new SlaRule(ContactStatus.WaitingForCustomer, null, [Threshold(SlaDegree.Warning, 3600)]));
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", policy);
        await center.AddOperatorAsync("ann", "support");
        var friday = new DateTimeOffset(2026, 1, 9, 17, 30, 0, TimeSpan.Zero);
        await center.JumpToAsync(friday);
        await center.CreateContactAsync("ticket", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("ticket").AcceptAsync("ann"));
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("ticket").ChangeStatusAsync(new StatusRequest(ContactStatus.WaitingForCustomer, TicketActor.Operator, "ann")));
        var monday = new DateTimeOffset(2026, 1, 12, 9, 30, 0, TimeSpan.Zero);
        Assert.Equal(monday, Assert.Single((await center.GetContactAsync("ticket")).Sla).DueAt);

        await center.JumpToAsync(monday - TimeSpan.FromSeconds(1));
        Assert.Empty(await ViolationsAsync(center, "support", friday, monday));
        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        var crossed = Assert.Single(await ViolationsAsync(center, "support", friday, monday));
        Assert.Equal((monday, ContactStatus.WaitingForCustomer, "ann"), (crossed.At, crossed.Status, crossed.OperatorId));
    }

    /// <summary>
    /// A ticket that leaves a status before its late tick comes (here a minute away: the reminder's ticks that fell while
    /// the only silo was down are skipped) records the thresholds of that status that fell due, each at its own second.
    /// </summary>
    [Fact]
    public async Task ThresholdsDueWhileTheOnlySiloWasDownAreRecordedWhenTheTicketMovesOnBeforeItsTick()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("moves_on");
        var (clock, start, _) = await WaitThenStopAsync(connectionString, TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(20));
        await using var back = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);
        await back.AddOperatorAsync("ann", "support");
        await back.WaitForOfferAsync("waits", "ann");

        var violations = await ContactCenter.EventuallyAsync(() => ViolationsAsync(back, "support", start), all => all.Count >= 2, "the warning and the violation recorded");
        Assert.Equal([(SlaDegree.Warning, start.AddSeconds(10)), (SlaDegree.Violation, start.AddSeconds(20))], violations.Select(v => (v.Degree, v.At)).Order());
        Assert.All(violations, v => Assert.Equal(ContactStatus.Queued, v.Status));
        Assert.Equal(start.AddSeconds(25), clock.GetUtcNow());
    }

    [Fact]
    public async Task ACriticalQueueBreachRaisesPriorityThenDispatchesToTheNextLine()
    {
        var policy = Policy(
            WorkCalendar.AlwaysOpen,
            new SlaRule(ContactStatus.Queued, null, [Threshold(SlaDegree.Violation, 10, SlaAction.RaisePriority), Threshold(SlaDegree.Critical, 20, SlaAction.Redispatch)]));
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", policy);
        await center.AddOperatorAsync("ann", "support", Line.L1, Presence.Break);
        await center.AddOperatorAsync("sam", "support", Line.L2);
        await center.CreateContactAsync("stuck", "support", priority: 3);

        await center.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, (await center.GetDepartmentAsync("support")).Queue.Single(q => q.ContactId == "stuck").Priority);

        await center.AdvanceAsync(TimeSpan.FromSeconds(10));
        var stuck = await center.WaitForOfferAsync("stuck", "sam");
        Assert.Equal(Line.L2, stuck.Line);
        Assert.Contains(stuck.History, change => change.Status == ContactStatus.Escalated && change.By == "sla");
    }

    [Fact]
    public async Task AViolationIsRecordedOnceAcrossASiloRestartOnPostgreSql()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("sla");
        var (clock, start, before) = await WaitThenStopAsync(connectionString, TimeSpan.FromSeconds(10));
        Assert.Single(before);

        await using var restarted = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);
        await restarted.AdvanceAsync(TimeSpan.FromSeconds(25));

        var violations = await ViolationsAsync(restarted, "support", start);
        Assert.Equal([SlaDegree.Warning, SlaDegree.Violation, SlaDegree.Critical], violations.Select(v => v.Degree).Order());
        Assert.Equal(violations.Count, violations.Select(v => v.Id).Distinct().Count());
    }

    /// <summary>
    /// Orleans skips the reminder ticks that fall while no silo runs; the wake-up reminder repeats every reminder period, so
    /// thresholds that fell due while the only silo was down are acted on within one period of its return, each once.
    /// </summary>
    [Fact]
    public async Task ThresholdsDueWhileTheOnlySiloWasDownActWithinOneReminderPeriodOfItsReturn()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("down");
        var (clock, start, _) = await WaitThenStopAsync(connectionString, TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(20));
        await using var back = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);
        var returned = clock.GetUtcNow();
        Assert.Empty(await ViolationsAsync(back, "support", start));

        await back.AdvanceAsync(ReminderPeriod);

        var violations = await ViolationsAsync(back, "support", start);
        Assert.Equal([SlaDegree.Warning, SlaDegree.Violation, SlaDegree.Critical], violations.Select(v => v.Degree).Order());
        Assert.Equal([start.AddSeconds(10), start.AddSeconds(20), start.AddSeconds(30)], violations.Select(v => v.At).Order());
        Assert.True(clock.GetUtcNow() <= returned + ReminderPeriod);
    }

    /// <summary>In memory, a ticket whose activation was collected is brought back by its reminder and acts on its threshold at its second.</summary>
    [Fact]
    public async Task AThresholdActsAtItsSecondOnATicketWhoseActivationWasCollected()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", QueuedInTenTwentyThirty);
        var start = center.Clock.GetUtcNow();
        await center.CreateContactAsync("waits", "support");
        await center.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await center.AdvanceAsync(TimeSpan.FromSeconds(10));

        var crossed = Assert.Single(await ViolationsAsync(center, "support", start));
        Assert.Equal((SlaDegree.Warning, start.AddSeconds(10)), (crossed.Degree, crossed.At));
        Assert.Equal(ContactStatus.Queued, (await center.GetContactAsync("waits")).Status);
    }

    /// <summary>
    /// On PostgreSQL, contact "waits" is queued in support (thresholds at 10, 20 and 30 s) for <paramref name="waited"/>,
    /// then the silo stops: the clock to restart on, when the wait began, and the violations recorded by the stop.
    /// </summary>
    private static async Task<(ManualTimeProvider Clock, DateTimeOffset Start, IReadOnlyList<SlaViolation> Recorded)> WaitThenStopAsync(string connectionString, TimeSpan waited)
    {
        await using var center = await ContactCenter.StartAsync(connectionString: connectionString);
        var start = center.Clock.GetUtcNow();
        await center.AddDepartmentAsync("support", QueuedInTenTwentyThirty);
        await center.CreateContactAsync("waits", "support");
        await center.AdvanceAsync(waited);
        return (center.Clock, start, await ViolationsAsync(center, "support", start));
    }

    private static async Task<IReadOnlyList<SlaViolation>> ViolationsAsync(ContactCenter center, string department, DateTimeOffset from, DateTimeOffset? to = null)
    {
        List<SlaViolation> all = [];
        for (var day = ReportKeys.DayOf(from); day <= ReportKeys.DayOf(to ?? from); day = day.AddDays(1))
        {
            all.AddRange(await center.Grains.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(department, day)).ViolationsAsync());
        }

        return all;
    }

    private static SlaPolicy Policy(WorkCalendar calendar, params SlaRule[] rules) => new(calendar, rules, TimeSpan.FromDays(2));

    private static SlaThreshold Threshold(SlaDegree degree, int seconds, SlaAction action = SlaAction.Notify) => new(degree, TimeSpan.FromSeconds(seconds), action);
}
