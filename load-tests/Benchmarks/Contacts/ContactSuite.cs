using Helpdesk.Benchmarks.Center;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.PostgreSql;
using Helpdesk.Benchmarks.Reporting;

namespace Helpdesk.Benchmarks.Contacts;

/// <summary><c>POST /api/contacts</c> end to end over HTTP on one silo, in memory and on PostgreSQL, against a bare Kestrel endpoint that parses the same body.</summary>
internal sealed class ContactSuite(BenchmarkOptions options)
{
    /// <summary>Requests in flight in memory: enough to keep Kestrel and the grains busy on a small machine.</summary>
    public const int InMemoryInFlight = 64;

    /// <summary>Requests in flight on PostgreSQL: by Little's law 1,000 contacts/s at this concurrency leave 32 ms a request on average, under the 50 ms p99 target.</summary>
    public const int PostgreSqlInFlight = 32;

    private const string Name = "contacts";
    private const string Schema = "helpdesk_benchmarks_contacts";
    private const double MinimumInMemory = 5_000;
    private const double MinimumOnPostgreSql = 1_000;
    private const double MaximumP99OnPostgreSqlMicros = 50_000;

    /// <summary>Authentication (an API key checked by its grain) and rate limiting may cost a few percent of the contacts a second.</summary>
    private const double MinimumShareWithAuthentication = 0.9;

    /// <summary>How long an operator works on an accepted contact: short, so at thousands of contacts a second most chat slots stay free.</summary>
    internal static readonly TimeSpan HandleTime = TimeSpan.FromMilliseconds(250);

    /// <summary>Kestrel, System.Text.Json and the grains take this long to reach their final JIT tier on a small machine; measured earlier, the rate is a fraction of the steady one.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan SetupLimit = TimeSpan.FromMinutes(3);

    /// <summary>The time the suite may take beyond its measured runs: per storage, seeding, the extra warm-up and the desks finishing their contacts.</summary>
    public static TimeSpan TimeLimit(BenchmarkOptions options) =>
        2 * (SetupLimit + Warmup + (2 * (options.Warmup + (options.Rounds * options.Duration))));

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting the bare endpoint");
        await using var bare = await BareContactEndpoint.StartAsync(cancellationToken);
        var inMemory = await MeasureAsync("in memory", null, InMemoryInFlight, bare.Address, cancellationToken, beside: "authentication off");

        await using var server = await BenchmarkServer.StartAsync(cancellationToken);
        var connectionString = await server.EmptySchemaAsync(Schema, cancellationToken);
        var settings = await server.DurabilitySettingsAsync(cancellationToken);
        var onPostgreSql = await MeasureAsync("PostgreSQL", connectionString, PostgreSqlInFlight, bare.Address, cancellationToken);
        return Result(inMemory, onPostgreSql, $"{server.Description}, {settings}, schema `{Schema}`");
    }

    /// <param name="storage">Where grain state is kept, in words.</param>
    /// <param name="connectionString">PostgreSQL, or <see langword="null"/> for memory.</param>
    /// <param name="inFlight">Closed-loop workers.</param>
    /// <param name="bare">The bare endpoint's address.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <param name="beside">When given, a second silo with authentication and rate limits off is measured in the same rounds, so their cost shows side by side.</param>
    private async Task<ContactPart> MeasureAsync(string storage, string? connectionString, int inFlight, Uri bare, CancellationToken cancellationToken, string? beside = null)
    {
        var name = $"{Name} ({storage})";
        Progress.Report(name, "starting one silo with the HTTP API");
        await using var api = await ApiHost.StartAsync(connectionString, cancellationToken);
        Progress.Report(name, $"seeding {CallCenter.Operators:N0} operators in {CallCenter.Departments} departments and {CallCenter.Customers:N0} customers");
        await CallCenter.SeedAsync(api.Grains, cancellationToken);
        await using var open = beside is null ? null : await ApiHost.StartAsync(connectionString, cancellationToken, authentication: false);
        if (open is not null)
        {
            Progress.Report(name, $"seeding a second silo with {beside}");
            await CallCenter.SeedAsync(open.Grains, cancellationToken);
        }

        using var desks = OperatorDesks.Open(api.Grains, HandleTime);
        using var openDesks = open is null ? null : OperatorDesks.Open(open.Grains, HandleTime);
        using var ours = new ContactPoster(api.Address, inFlight, api.ApiKey);
        using var ceiling = new ContactPoster(bare, inFlight, api.ApiKey);
        using var unguarded = open is null ? null : new ContactPoster(open.Address, inFlight, open.ApiKey);
        TalliedSubject[] sides =
        [
            await VerifiedAsync("POST /api/contacts", ours),
            await VerifiedAsync("bare endpoint", ceiling),
            .. unguarded is null ? Array.Empty<TalliedSubject>() : [await VerifiedAsync($"POST /api/contacts, {beside}", unguarded)],
        ];

        Progress.Report(name, $"warming up POST /api/contacts for {Warmup.TotalSeconds:0} s");
        var warm = await MeasureAsync(sides[0], inFlight, Warmup, cancellationToken);
        Progress.Report(name, $"warm-up: {warm.CreatedPerSecond:N0} contacts/s on average");
        if (sides.Length > 2)
        {
            // The silo beside ours warms up as long, so the two are compared at the same JIT tier.
            await MeasureAsync(sides[2], inFlight, Warmup, cancellationToken);
        }
        var rounds = await Rounds.RunAsync(
            name, [.. sides.Select(side => side.Subject)], (subject, duration) => MeasureAsync(sides.Single(side => side.Subject == subject), inFlight, duration, cancellationToken),
            Describe, options, cancellationToken);
        Progress.Report(name, "closing the operators' desks");
        var desk = await desks.CloseAsync();
        if (openDesks is not null)
        {
            await openDesks.CloseAsync();
        }

        return new ContactPart(storage, inFlight, rounds[0], rounds[1], warm, desk, await CallCenter.WaitingAsync(api.Grains), ours.FirstFailure, rounds.Count() > 2 ? rounds[2] : null);
    }

    /// <summary>One closed-loop run of the posts of <paramref name="side"/> with <paramref name="inFlight"/> workers.</summary>
    internal static async Task<PostRound> MeasureAsync(TalliedSubject side, int inFlight, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tally = side.Begin();
        var (gc, cpu) = (GcWindow.Start(), CpuWindow.Start());
        var rate = await ClosedLoop.RunAsync(inFlight, side.Subject.Call, duration, cancellationToken);
        return new PostRound(rate, tally.Summarize(rate.Elapsed), gc.Paused, cpu.Share);
    }

    /// <summary>One post must create a contact before the rounds, or their figures would measure refusals.</summary>
    internal static async Task<TalliedSubject> VerifiedAsync(string name, ContactPoster poster)
    {
        if (await poster.PostAsync() is { Placed: false })
        {
            throw new BenchmarkException($"The first POST to the {name} did not create a contact: {poster.FirstFailure}");
        }

        return new TalliedSubject(name, _ => poster.PostAsync());
    }

    internal static string Describe(PostRound round) =>
        $"{round.CreatedPerSecond:N0} contacts/s, p50/p99 {round.Outcomes.Placed.P50 / 1_000:N2}/{round.Outcomes.Placed.P99 / 1_000:N2} ms, "
        + $"{round.Outcomes.Offered:N0} offered, {round.Outcomes.Queued:N0} queued, {round.Outcomes.Failed:N0} failed{(round.Outcomes.Failed > 0 ? $" ({round.Outcomes.Failures})" : "")}, {round.Rate.BytesPerOperation:N0} B allocated a request, {round.CpuShare:P0} of the cores";

    private static SuiteResult Result(ContactPart inMemory, ContactPart onPostgreSql, string server) =>
        new(
            [
                .. Rows(inMemory, MinimumInMemory, null),
                .. Rows(onPostgreSql, MinimumOnPostgreSql, MaximumP99OnPostgreSqlMicros),
            ],
            [
                $"POST /api/contacts: one silo hosted as the silo program hosts it (`SiloApplication.Build`: Orleans co-hosted with the API in one `WebApplication`) on a Kestrel port of 127.0.0.1, driven by closed-loop workers through one `HttpClient` (HTTP/1.1, one connection a worker) in the same process. Each request is a new contact as JSON ({ContactMix.Description}) with its own `Idempotency-Key`; the endpoint validates it, checks the department exists, and `IContactGrain.CreateAsync` routes it (karma, entry rule, `OperatorSelector.Choose`, operator reserved or contact queued) before answering 201 with the receipt. Only 201 counts as created; any other answer, or none within 20 s, is a failure and is counted. Latencies are of the 201s.",
                $"Center: {CallCenter.Description}, seeded through the grains before the runs. A desk per operator watches its events (`IOperatorGrain.WatchAsync`), accepts each offer and completes the contact {HandleTime.TotalMilliseconds:N0} ms later, through the grains in the same process, so capacity frees up; their work shares the machine with the requests.",
                $"Ceiling: a bare Kestrel endpoint in the same process (`WebApplication.CreateSlimBuilder`, one `MapPost(\"/api/contacts\")`, no middleware) that binds the same JSON body to the same `CreateContactRequest` and answers 201 with a `ContactReceipt` of the same shape; the same workers and client, measured in interleaved rounds with ours.",
                .. Notes(inMemory),
                .. Notes(onPostgreSql),
                $"PostgreSQL: {server}; the silo's grain state is written durably (every write commits).",
            ]);

    private static IEnumerable<ResultRow> Rows(ContactPart part, double minimum, double? maximumP99Micros)
    {
        var label = $"POST /api/contacts, {part.Storage}, {part.InFlight} in flight";
        return
        [
            ResultRow.Rate(label, "contacts/s", part.Ours.Median(round => round.CreatedPerSecond), part.Bare.Median(round => round.CreatedPerSecond), minimum),
            ResultRow.Milliseconds($"{label}: p50", part.Ours.Median(round => round.Outcomes.Placed.P50), part.Bare.Median(round => round.Outcomes.Placed.P50), null),
            ResultRow.Milliseconds($"{label}: p99", part.Ours.Median(round => round.Outcomes.Placed.P99), part.Bare.Median(round => round.Outcomes.Placed.P99), maximumP99Micros),
            ResultRow.Share($"{label}: answered 201", Share201(part.Ours), Share201(part.Bare), 1),
            .. part.Unguarded is { } open
                ? [ResultRow.Throughput($"{label}: authentication and rate limits on, against off", "contacts/s", part.Ours.Median(round => round.CreatedPerSecond), open.Median(round => round.CreatedPerSecond), minimum, MinimumShareWithAuthentication)]
                : Array.Empty<ResultRow>(),
        ];
    }

    /// <summary>The share of 201s over every round, so one failure in any round shows.</summary>
    private static double Share201(RoundResults<PostRound> rounds) =>
        (double)rounds.Rounds.Sum(round => round.Outcomes.Offered + round.Outcomes.Queued) / rounds.Rounds.Sum(round => round.Outcomes.Calls);

    private static IEnumerable<string> Notes(ContactPart part)
    {
        var failed = part.Ours.Rounds.Sum(round => round.Outcomes.Failed);
        var calls = part.Ours.Rounds.Sum(round => round.Outcomes.Calls);
        return
        [
            $"{Capitalized(part.Storage)}: ours per round {part.Ours.Spread(round => round.CreatedPerSecond, "N0")} contacts/s, p99 {part.Ours.Spread(round => round.Outcomes.Placed.P99 / 1_000, "N1")} ms, {part.Ours.Median(round => round.Rate.BytesPerOperation):N0} B allocated a request (whole process); "
            + $"bare endpoint {part.Bare.Spread(round => round.CreatedPerSecond, "N0")} requests/s, {part.Bare.Median(round => round.Rate.BytesPerOperation):N0} B a request. "
            + $"The process used {part.Ours.Spread(round => round.CpuShare * 100, "N0")} % of the {Environment.ProcessorCount} cores in our rounds ({part.Bare.Spread(round => round.CpuShare * 100, "N0")} % in the bare endpoint's); the garbage collector paused it {part.Ours.Spread(round => round.GcPaused.TotalMilliseconds, "N0")} ms a round. "
            + $"Offered at creation {part.Ours.Spread(round => round.Outcomes.OfferedShare * 100, "N1")} %, queued {part.Ours.Spread(round => round.Outcomes.QueuedShare * 100, "N1")} %. "
            + $"Failures: {(failed == 0 ? $"none of {calls:N0} requests" : $"{failed:N0} of {calls:N0} requests ({string.Join("; ", part.Ours.Rounds.Select(round => round.Outcomes.Failures).Where(failures => failures.Length > 0))}); the first: {Shortened(part.FirstFailure)}")}. "
            + $"Extra warm-up of {Warmup.TotalSeconds:0} s before the rounds: {part.Warm.CreatedPerSecond:N0} contacts/s on average. "
            + $"Operators: {part.Desk.Accepted:N0} accepted, {part.Desk.Completed:N0} completed, {part.Desk.Refused:N0} refused; at most {part.Desk.PeakInProgress:N0} contacts in progress ({part.Desk.PeakOccupancy:P1} of {CallCenter.ChatSlots:N0} chat slots); {part.Waiting:N0} still queued at the end.",
        ];
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shortened(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
