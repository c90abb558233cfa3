using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Board;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Board;

/// <summary>The supervisors' board over real HTTP: the whole board, its changes as server-sent events, the trends and the pages.</summary>
public sealed partial class BoardTests
{
    private static readonly Uri Events = new("/api/board/events", UriKind.Relative);

    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheBoardShowsEachDepartmentsTileAndEachOperatorsRowAsTheyAre()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ann", "l1", "billing");
        await server.CreateOperatorAsync("bob", "l2", "support");
        var offered = await server.CreateContactAsync("cu-1", "billing");
        var waiting = await server.CreateContactAsync("cu-2", "support");

        var board = await Eventually.ReadAsync(
            () => server.GetOkAsync<BoardView>("/api/board"),
            view => view.Operators.Any(row => row.Id == "ann" && row.Contacts.Any(held => held.ContactId == offered.Id))
                && view.Departments.Any(tile => tile.Id == "support" && tile.Load.QueueLength == 1),
            "ann's offer and support's waiting contact on the board",
            Describe);

        Assert.True(board.Full);
        Assert.Equal(["billing", "support"], board.Departments.Select(tile => tile.Id));
        Assert.Equal(0.8, board.ServiceLevelGoal);
        var support = board.Departments.Single(tile => tile.Id == "support");
        Assert.Equal(waiting.Id, Assert.Single(support.Waiting).ContactId);
        Assert.Equal(1, support.Load.QueueByPriority.Values.Sum());
        Assert.Equal(["ann", "bob"], board.Operators.Select(row => row.Id));
        var ann = board.Operators.Single(row => row.Id == "ann");
        Assert.Equal((Line.L1, "billing", Presence.Available), (ann.Line, ann.Departments[0], ann.Presence));
        Assert.Equal(Presence.Offline, board.Operators.Single(row => row.Id == "bob").Presence);
        Assert.True(board.Operators.All(row => row.Version <= board.Version) && board.Departments.All(tile => tile.Version <= board.Version));
    }

    [Fact]
    public async Task AnOpenBoardGetsTheWholeBoardAndThenOnlyWhatChanges()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        await Eventually.ReadAsync(() => server.GetOkAsync<BoardView>("/api/board"), view => view.Departments.Count == 2, "both tiles on the board", Describe);
        await using var stream = await EventStream.ConnectAsync(server, Events);
        var whole = View(await stream.WaitForAsync(e => e.Type == "board", "the whole board"));

        var receipt = await server.CreateContactAsync("cu-1", "support");
        var change = await stream.WaitForAsync(e => View(e).Departments.Any(tile => tile.Waiting.Any(w => w.ContactId == receipt.Id)), "the contact waiting on support's tile");

        Assert.True(whole.Full);
        Assert.Equal(2, whole.Departments.Count);
        var changed = View(change);
        Assert.False(changed.Full);
        Assert.Equal("support", Assert.Single(changed.Departments).Id);
        Assert.True(changed.Version > whole.Version);
        Assert.Equal(changed.Version, change.Number);
    }

    [Fact]
    public async Task ABoardResumingAfterItsLastVersionGetsOnlyWhatChangedMeanwhile()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support");
        var seen = await Eventually.ReadAsync(() => server.GetOkAsync<BoardView>("/api/board"), view => view.Departments.Count == 2, "both tiles on the board", Describe);
        var receipt = await server.CreateContactAsync("cu-1", "billing");

        await using var resumed = await EventStream.ConnectAsync(server, Events, seen.Version);
        var first = View(await resumed.WaitForAsync(e => e.Type == "board", "the changes since the version seen"));

        Assert.False(first.Full);
        var billing = Assert.Single(first.Departments);
        Assert.Equal(receipt.Id, Assert.Single(billing.Waiting).ContactId);
    }

    [Fact]
    public async Task TrendsKeepEachDepartmentsFiguresMinuteByMinute()
    {
        var clock = new ManualTimeProvider(Nine);
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("billing");
        await server.CreateContactAsync("cu-1", "billing");
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<BoardView>("/api/board"),
            view => view.Departments.Any(tile => tile.Load.QueueLength == 1),
            "billing's waiting contact on the board",
            Describe);

        var trends = await MinutesOfTrendAsync(server, 3);
        var later = await server.GetOkAsync<BoardTrends>($"/api/board/trends?since={trends.Departments[0].Points[1].At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");

        Assert.Equal(60, trends.IntervalSeconds);
        var billing = Assert.Single(trends.Departments);
        Assert.All(billing.Points, point => Assert.Equal(1, point.QueueLength));
        Assert.Equal(billing.Points.Select(point => point.At).Order(), billing.Points.Select(point => point.At));
        Assert.Equal(billing.Points.Count - 2, Assert.Single(later.Departments).Points.Count);
    }

    [Fact]
    public async Task TrendsRefuseASinceThatIsNoTime()
    {
        await using var server = await HelpdeskServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/board/trends?since=yesterday", UriKind.Relative));
        var fields = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["since"], fields.Keys);
    }

    [Fact]
    public async Task TheBoardsPagesAreServedToAnyoneAndLoadNothingFromElsewhere()
    {
        await using var server = await HelpdeskServer.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };

        using var page = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var chart = await anonymous.GetAsync(new Uri("/vendor/uPlot.iife.min.js", UriKind.Relative));
        using var data = await anonymous.GetAsync(new Uri("/api/board", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var references = Reference().Matches(html).Select(match => match.Groups["url"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.DoesNotContain("//", url, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    /// <summary>Moves the clock a minute at a time until each department's trend has <paramref name="points"/> points, waiting for each before the next: a tick still running when the next falls due would be skipped.</summary>
    internal static async Task<BoardTrends> MinutesOfTrendAsync(HelpdeskServer server, int points)
    {
        BoardTrends trends = new(60, []);
        for (var minute = 1; minute <= points; minute++)
        {
            await server.AdvanceAsync(TimeSpan.FromMinutes(1));
            trends = await Eventually.ReadAsync(
                () => server.GetOkAsync<BoardTrends>("/api/board/trends"),
                read => read.Departments.Count > 0 && read.Departments.All(trend => trend.Points.Count == minute),
                $"{minute} points of each department's trend",
                read => string.Join("; ", read.Departments.Select(trend => $"{trend.Id}: {trend.Points.Count}")));
        }

        return trends;
    }

    private static BoardView View(ServerSentEvent e) => JsonSerializer.Deserialize<BoardView>(e.Data, HelpdeskServer.Json)!;

    private static string Describe(BoardView view) =>
        $"version {view.Version}: " + string.Join(", ", view.Departments.Select(tile => $"{tile.Id} queue {tile.Load.QueueLength}"))
        + "; " + string.Join(", ", view.Operators.Select(row => $"{row.Id} {row.Presence} holding {row.Contacts.Count}"));

    [GeneratedRegex(@"(?:src|href)=""(?<url>[^""]+)""")]
    private static partial Regex Reference();
}
