using Helpdesk.Benchmarks.Center;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.Reporting;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Benchmarks.Routing;

/// <summary>The routing decision, contact created → operator reserved, through the grains of an in-memory silo at a paced rate, against the pure selection rule alone.</summary>
internal sealed class RoutingSuite(BenchmarkOptions options)
{
    public const double ArrivalsPerSecond = 200;

    private const string Name = "routing";
    private const double MaximumP99Micros = 5_000;

    /// <summary>The ceiling's contacts, cycled: built once so its calls time the rule and nothing else.</summary>
    private const int RuleContacts = 4_096;

    /// <summary>How long an operator works on an accepted contact: at the paced rate about 400 of the 6,000 chat slots are busy.</summary>
    private static readonly TimeSpan HandleTime = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SetupLimit = TimeSpan.FromMinutes(2);

    /// <summary>The time the suite may take beyond its measured runs: seeding, and the desks finishing their contacts.</summary>
    public static TimeSpan TimeLimit(BenchmarkOptions options) => SetupLimit + (2 * (options.Warmup + (options.Rounds * options.Duration)));

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting the runtime host with the contact center's grains, in memory");
        var host = await BenchmarkHost.StartAsync(null, cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var policy = host.Services.GetRequiredService<RoutingPolicy>();
            Progress.Report(Name, $"seeding {CallCenter.Operators:N0} operators in {CallCenter.Departments} departments and {CallCenter.Customers:N0} customers");
            await CallCenter.SeedAsync(grains, cancellationToken);
            var members = await MembersAsync(grains, department: 0);

            using var desks = OperatorDesks.Open(grains, HandleTime);
            TalliedSubject[] sides = [Ours(grains), Rule(members, CallCenter.SettingsOf(0).Strategy, policy)];
            var rounds = await Rounds.RunAsync(
                Name, [.. sides.Select(side => side.Subject)], (subject, duration) => MeasureAsync(sides.Single(side => side.Subject == subject), duration, cancellationToken),
                Describe, options, cancellationToken);
            Progress.Report(Name, "closing the operators' desks");
            var desk = await desks.CloseAsync();
            return Result(rounds[0], rounds[1], desk, await CallCenter.WaitingAsync(grains));
        }
        finally
        {
            await BenchmarkHost.StopAsync(host);
        }
    }

    /// <summary>Ours: a new contact grain per arrival, created and routed; placed when the receipt comes back.</summary>
    private static TalliedSubject Ours(IGrainFactory grains)
    {
        var sequence = 0L;
        return new TalliedSubject("grains", async _ =>
        {
            var number = Interlocked.Increment(ref sequence);
            var id = $"k-{number}";
            var reply = await grains.GetGrain<IContactGrain>(id).CreateAsync(ContactMix.For(number), id);
            return reply switch
            {
                { Status: ReplyStatus.Ok, Value.Status: ContactStatus.Offered } => Outcome.Offer,
                { Status: ReplyStatus.Ok } => Outcome.Queue,
                _ => Outcome.Refused($"{reply.Status}: {reply.Error}"),
            };
        });
    }

    /// <summary>The ceiling: the selection rule alone, over one department's members as their operators see themselves.</summary>
    private static TalliedSubject Rule(IReadOnlyCollection<MemberView> members, RoutingStrategy strategy, RoutingPolicy policy)
    {
        var now = TimeProvider.System.GetUtcNow();
        WaitingContact[] contacts = [.. Enumerable.Range(0, RuleContacts).Select(number => ContactMix.RoutingOf(number, now))];
        var sequence = 0L;
        return new TalliedSubject("OperatorSelector.Choose", _ =>
        {
            var contact = contacts[Interlocked.Increment(ref sequence) % RuleContacts];
            var selection = OperatorSelector.Choose(contact, members, strategy, policy, TimeProvider.System.GetUtcNow());
            return Task.FromResult(selection.Ranked.Count > 0 ? Outcome.Offer : Outcome.Queue);
        });
    }

    private static async Task<RoutingRound> MeasureAsync(TalliedSubject side, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tally = side.Begin();
        var (gc, cpu) = (GcWindow.Start(), CpuWindow.Start());
        var paced = await PacedLoad.RunAsync(side.Subject.Call, 1, ArrivalsPerSecond, duration, cancellationToken);
        return new RoutingRound(paced, tally.Summarize(duration), gc.Paused, cpu.Share);
    }

    private static async Task<List<MemberView>> MembersAsync(IGrainFactory grains, int department)
    {
        var views = await Task.WhenAll(Enumerable.Range(0, CallCenter.OperatorsPerDepartment)
            .Select(seat => grains.GetGrain<IOperatorGrain>(CallCenter.OperatorId(department, seat)).ViewAsync()));
        return views.Any(view => view is null)
            ? throw new BenchmarkException($"Some operators of {CallCenter.DepartmentId(department)} have no view after seeding; the ceiling needs all {CallCenter.OperatorsPerDepartment}.")
            : [.. views.OfType<MemberView>()];
    }

    private static string Describe(RoutingRound round) =>
        $"{round.Outcomes.Offered:N0} offered, {round.Outcomes.Queued:N0} queued, {round.Outcomes.Failed:N0} refused; "
        + $"offered p50/p99/max {round.Outcomes.OfferedOnly.P50:N0}/{round.Outcomes.OfferedOnly.P99:N0}/{round.Outcomes.OfferedOnly.Max:N0} µs, p99 from due {round.Paced.FromDue.P99:N0} µs";

    private static SuiteResult Result(RoundResults<RoutingRound> ours, RoundResults<RoutingRound> rule, DeskFigures desk, int waiting)
    {
        var label = $"routing decision at {ArrivalsPerSecond:N0}/s, {CallCenter.Operators:N0} operators";
        var refused = ours.Rounds.Sum(round => round.Outcomes.Failed);
        return new SuiteResult(
            [
                ResultRow.Latency($"{label}: p50", ours.Median(round => round.Outcomes.OfferedOnly.P50), rule.Median(round => round.Outcomes.OfferedOnly.P50), null),
                ResultRow.Latency($"{label}: p99", ours.Median(round => round.Outcomes.OfferedOnly.P99), rule.Median(round => round.Outcomes.OfferedOnly.P99), MaximumP99Micros),
                ResultRow.Latency($"{label}: max of all rounds", ours.Rounds.Max(round => round.Outcomes.OfferedOnly.Max), rule.Rounds.Max(round => round.Outcomes.OfferedOnly.Max), null),
                ResultRow.Share($"{label}: offered at creation", ours.Median(round => round.Outcomes.OfferedShare), rule.Median(round => round.Outcomes.OfferedShare), null),
            ],
            [
                $"Routing decision: {ArrivalsPerSecond:N0} new contacts a second on a fixed schedule (open loop, from a dedicated pacer thread), each `IContactGrain.CreateAsync(NewContact, fingerprint)` on a new contact grain of an in-memory Orleans silo (`UseOrleans(s => s.UseHelpdeskCluster(...).AddHelpdeskGrains())`): the customer's karma (`ICustomerGrain.ProfileAsync`), the entry rule, `IDepartmentGrain.PlaceAsync` (`OperatorSelector.Choose` over the department's live member views, then `IOperatorGrain.ReserveAsync` on the best candidate), the contact recorded on the customer, the contact's state written. Latency rows count from the call to a receipt that says `offered`; receipts that say `queued` are counted in the last row, not timed there.",
                $"Center: {CallCenter.Description}. Contacts: {ContactMix.Description}.",
                $"Ours per round: offered p99 {ours.Spread(round => round.Outcomes.OfferedOnly.P99, "N0")} µs; offered {ours.Spread(round => round.Outcomes.OfferedShare * 100, "N1")} %, queued {ours.Spread(round => round.Outcomes.QueuedShare * 100, "N1")} %; refused: {(refused == 0 ? "none" : string.Join("; ", ours.Rounds.Select(round => round.Outcomes.Failures).Where(failures => failures.Length > 0)))}; p99 from due time (holds the pacer's own stalls) {ours.Spread(round => round.Paced.FromDue.P99, "N0")} µs; achieved {ours.Median(round => round.Paced.FromSend.AchievedPerSecond):N0} contacts/s. "
                + $"The garbage collector paused the process {ours.Spread(round => round.GcPaused.TotalMilliseconds, "N0")} ms a round ({rule.Spread(round => round.GcPaused.TotalMilliseconds, "N0")} ms in the ceiling's rounds, which collect the garbage of the desks' work too); the process used {ours.Spread(round => round.CpuShare * 100, "N0")} % of the {Environment.ProcessorCount} cores.",
                $"Operators: a desk per operator watches its events (`IOperatorGrain.WatchAsync`), accepts each offer (`IContactGrain.AcceptAsync`) and completes the contact {HandleTime.TotalSeconds:0} s later (`ChangeStatusAsync` to solution proposed), so capacity frees up whether a contact was offered at creation or later from a queue. Over the suite: {desk.Accepted:N0} accepted, {desk.Completed:N0} completed, {desk.Refused:N0} refused; at most {desk.PeakInProgress:N0} contacts in progress at once, {desk.PeakOccupancy:P1} of the {CallCenter.ChatSlots:N0} chat slots; {waiting:N0} contacts still queued at the end.",
                $"Ceiling: `OperatorSelector.Choose` alone on the same schedule, run inline on the pacer thread, over the {CallCenter.OperatorsPerDepartment} `MemberView`s of {CallCenter.DepartmentId(0)} ({CallCenter.SettingsOf(0).Strategy}) as its operators gave them after seeding (all available, {CallCenter.ChatCapacity} chats free), for {RuleContacts:N0} contacts of the same mix built by the same karma and entry rules; `offered` means a non-empty ranking. Per round p99: {rule.Spread(round => round.Outcomes.OfferedOnly.P99, "N1")} µs.",
            ]);
    }
}
