using System.Globalization;
using Helpdesk.Benchmarks.Center;
using Helpdesk.Benchmarks.Contacts;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Benchmarks.Measurement;
using Helpdesk.Benchmarks.Reporting;
using Helpdesk.Testing;

namespace Helpdesk.Benchmarks.Boards;

/// <summary>
/// What open wallboards cost a silo, at the size of a big center: <c>POST /api/contacts</c> with no board open and with
/// <see cref="Boards"/> open, in interleaved rounds on the same silo; and how long a board in Chromium takes to render
/// an update while contacts flow at <see cref="PacedRate"/> a second.
/// </summary>
internal sealed class BoardSuite(BenchmarkOptions options)
{
    /// <summary>Boards open beside the contacts in the second side of each round.</summary>
    public const int Boards = 10;

    /// <summary>Contacts a second while the browser's board is measured: a big center's rush hour.</summary>
    public const double PacedRate = 200;

    private const string Name = "boards";

    /// <summary>The boards may cost the contacts at most this share of their rate.</summary>
    private const double MinimumShareWithBoards = 0.9;

    /// <summary>An update must render within this many milliseconds.</summary>
    private const double MaximumRenderMilliseconds = 200;

    private static readonly TimeSpan BrowserRun = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan SetupLimit = TimeSpan.FromMinutes(3);

    public static TimeSpan TimeLimit(BenchmarkOptions options) => SetupLimit + (2 * (options.Warmup + (options.Rounds * options.Duration))) + (2 * BrowserRun);

    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting one silo with the HTTP API, in memory");
        await using var api = await ApiHost.StartAsync(null, cancellationToken);
        Progress.Report(Name, $"seeding {CallCenter.Operators:N0} operators in {CallCenter.Departments} departments and {CallCenter.Customers:N0} customers");
        await CallCenter.SeedAsync(api.Grains, cancellationToken);
        using var desks = OperatorDesks.Open(api.Grains, ContactSuite.HandleTime);
        using var poster = new ContactPoster(api.Address, ContactSuite.InMemoryInFlight, api.ApiKey);
        var none = await ContactSuite.VerifiedAsync("POST /api/contacts", poster);
        var open = new TalliedSubject($"POST /api/contacts, {Boards} boards open", _ => poster.PostAsync());
        List<(double Events, double Kilobytes)> streams = [];
        var rounds = await Rounds.RunAsync(
            Name,
            [none.Subject, open.Subject],
            async (subject, duration) =>
            {
                if (subject == none.Subject)
                {
                    return await ContactSuite.MeasureAsync(none, ContactSuite.InMemoryInFlight, duration, cancellationToken);
                }

                await using var boards = BoardReaders.Open(api.Address, TestKeys.Admin, Boards);
                var round = await ContactSuite.MeasureAsync(open, ContactSuite.InMemoryInFlight, duration, cancellationToken);
                streams.Add((boards.EventsPerSecondEach, boards.KilobytesPerSecondEach));
                return round;
            },
            ContactSuite.Describe,
            options,
            cancellationToken);

        Progress.Report(Name, "opening the board in Chromium");
        await using var browser = await BrowserBoard.OpenAsync(api.Address, TestKeys.Admin);
        await browser.StartMeasuringAsync();
        Progress.Report(Name, $"{PacedRate:N0} contacts/s for {BrowserRun.TotalSeconds:0} s under the board");
        await PacedLoad.RunAsync(_ => poster.PostAsync(), ContactSuite.InMemoryInFlight, PacedRate, BrowserRun, cancellationToken);
        var (renders, longFrames) = await browser.MeasuredAsync();
        Progress.Report(Name, $"{renders.Length} updates rendered, p50 {Percentile(renders, 0.5):N1} ms, p99 {Percentile(renders, 0.99):N1} ms; {longFrames.Length} frames over 50 ms");
        await desks.CloseAsync();
        return Result(rounds[0], rounds[1], streams, renders, longFrames);
    }

    private static SuiteResult Result(RoundResults<PostRound> none, RoundResults<PostRound> open, List<(double Events, double Kilobytes)> streams, double[] renders, double[] longFrames)
    {
        var without = none.Median(round => round.CreatedPerSecond);
        var with = open.Median(round => round.CreatedPerSecond);
        var p99 = Percentile(renders, 0.99);
        return new SuiteResult(
            [
                new ResultRow(
                    $"POST /api/contacts, in memory, {CallCenter.Departments} departments and {CallCenter.Operators:N0} operators, with {Boards} boards open",
                    $"{with:N0} contacts/s",
                    $"{without:N0} contacts/s (no board open)",
                    $"{with / without:P1} of none open",
                    $"≥ {MinimumShareWithBoards:P0}",
                    with / without >= MinimumShareWithBoards),
                new ResultRow(
                    $"a board update applied and rendered in Chromium at {PacedRate:N0} contacts/s, p99",
                    $"{p99:N1} ms",
                    $"p50 {Percentile(renders, 0.5):N1} ms, max {renders.DefaultIfEmpty(double.NaN).Max():N1} ms",
                    "",
                    $"≤ {MaximumRenderMilliseconds:N0} ms",
                    renders.Length > 0 && p99 <= MaximumRenderMilliseconds),
                new ResultRow(
                    $"the longest animation frame meanwhile (script, style, layout, paint)",
                    $"{longFrames.DefaultIfEmpty(0).Max():N0} ms",
                    $"{longFrames.Length} frames over 50 ms in {BrowserRun.TotalSeconds:0} s",
                    "",
                    $"≤ {MaximumRenderMilliseconds:N0} ms",
                    longFrames.DefaultIfEmpty(0).Max() <= MaximumRenderMilliseconds),
            ],
            [
                $"Boards: {CallCenter.Description}, seeded through the grains, with a desk per operator accepting each offer and completing it {ContactSuite.HandleTime.TotalMilliseconds:N0} ms later. In each round the contacts are posted by {ContactSuite.InMemoryInFlight} closed-loop workers, once with no board open and once with {Boards} reading `GET /api/board/events` to the end as browsers do (the admin key; the whole board first, then the changes), on the same silo, in interleaved rounds. Per round: none open {none.Spread(round => round.CreatedPerSecond, "N0")} contacts/s, {Boards} open {open.Spread(round => round.CreatedPerSecond, "N0")}; each board received {string.Join(", ", streams.Select(stream => stream.Events.ToString("N1", CultureInfo.InvariantCulture)))} events/s ({string.Join(", ", streams.Select(stream => stream.Kilobytes.ToString("N0", CultureInfo.InvariantCulture)))} kB/s).",
                $"Rendering: the board in headless Chromium (Debian's, 1920 × 1080) on the same silo while {PacedRate:N0} contacts/s were posted for {BrowserRun.TotalSeconds:0} s: {renders.Length} updates, each timed from the event's arrival to the end of its rendering in script (`board-render`, `performance.measure`); {longFrames.Length} animation frames took over 50 ms with style, layout and paint (the longest {longFrames.DefaultIfEmpty(0).Max():N0} ms).",
            ]);
    }

    private static double Percentile(double[] values, double share)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }
}
