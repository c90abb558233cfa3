using Helpdesk.Testing;
using System.Net;
using System.Text.Json;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Sla;
using Helpdesk.Grains.Supervision;

namespace Helpdesk.Api.Tests.Supervision;

/// <summary>The supervisors' live feed, read over real HTTP as server-sent events and as JSON.</summary>
public sealed class SupervisorFeedTests
{
    private static readonly Uri Events = new("/api/supervisor/events", UriKind.Relative);

    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASupervisorSeesEachNoticeWithItsIdItsTypeAndItsJson()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await using var stream = await EventStream.ConnectAsync(server, Events);
        var violation = new SlaViolation("c-1:0:2", "c-1", ContactStatus.InProgress, SlaDegree.Violation, "ana", "billing", Nine, Nine.AddHours(-4), SlaAction.RaisePriority);

        await Feed(server).PublishAsync(new SupervisorNotice(42, "sla-violation", Nine, "c-1 in progress for 4 h", violation, "ana", "billing"));
        var seen = await stream.WaitForAsync(e => e.Type == "sla-violation", "the SLA violation published to the feed");

        Assert.NotEqual(42, seen.Number);
        using var data = JsonDocument.Parse(seen.Data);
        var notice = data.RootElement;
        Assert.Equal(seen.Number, notice.GetProperty("id").GetInt64());
        Assert.Equal("sla-violation", notice.GetProperty("type").GetString());
        Assert.Equal("c-1 in progress for 4 h", notice.GetProperty("summary").GetString());
        Assert.Equal("ana", notice.GetProperty("operatorId").GetString());
        Assert.Equal("in_progress", notice.GetProperty("violation").GetProperty("status").GetString());
        Assert.Equal("violation", notice.GetProperty("violation").GetProperty("degree").GetString());
        Assert.Equal("raise_priority", notice.GetProperty("violation").GetProperty("action").GetString());
    }

    [Fact]
    public async Task NoticesArriveInTheOrderTheyWerePublishedWithGrowingIds()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await using var stream = await EventStream.ConnectAsync(server, Events);

        foreach (var summary in new[] { "first", "second", "third" })
        {
            // One-way notes keep no order between them: each is published once the one before it is on the stream.
            await Feed(server).PublishAsync(Notice(summary));
            await stream.WaitForAsync(e => Summary(e) == summary, $"the notice {summary}");
        }

        Assert.Equal(["first", "second", "third"], stream.Seen.Select(Summary));
        Assert.Equal(stream.Seen.Select(e => e.Number).Order(), stream.Seen.Select(e => e.Number));
        Assert.Equal(3, stream.Seen.Select(e => e.Number).Distinct().Count());
    }

    [Fact]
    public async Task ASupervisorResumingWithLastEventIdGetsOnlyTheNoticesAfterIt()
    {
        await using var server = await HelpdeskServer.StartAsync();
        long seenUpTo;
        await using (var first = await EventStream.ConnectAsync(server, Events))
        {
            await Feed(server).PublishAsync(Notice("before 1"));
            await first.WaitForAsync(e => Summary(e) == "before 1", "the first notice");
            await Feed(server).PublishAsync(Notice("before 2"));
            seenUpTo = (await first.WaitForAsync(e => Summary(e) == "before 2", "the second notice")).Number;
        }

        await Feed(server).PublishAsync(Notice("while away"));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<List<SupervisorNotice>>("/api/supervisor/notices"),
            notices => notices.Any(notice => notice.Summary == "while away"),
            "the notice published while away to be in the feed",
            notices => string.Join(", ", notices.Select(notice => notice.Summary)));
        await using var resumed = await EventStream.ConnectAsync(server, Events, seenUpTo);
        await Feed(server).PublishAsync(Notice("after"));
        await resumed.WaitForAsync(e => Summary(e) == "after", "the notice published after resuming");

        Assert.Equal(["while away", "after"], resumed.Seen.Select(Summary));
        Assert.All(resumed.Seen, e => Assert.True(e.Number > seenUpTo, $"Resumed after {seenUpTo} but got again: {e}"));
    }

    [Fact]
    public async Task ASupervisorConnectingFreshGetsTheNoticesKept()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await Feed(server).PublishAsync(Notice("missed"));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<List<SupervisorNotice>>("/api/supervisor/notices"),
            notices => notices.Count == 1,
            "the notice to be in the feed",
            notices => $"{notices.Count} notices");

        await using var stream = await EventStream.ConnectAsync(server, Events);
        var seen = await stream.WaitForAsync(e => Summary(e) == "missed", "the notice published before connecting");

        Assert.Equal("kpi-alert", seen.Type);
    }

    [Fact]
    public async Task TheNoticesEndpointListsTheNoticesAfterAnId()
    {
        await using var server = await HelpdeskServer.StartAsync();
        foreach (var (summary, published) in new[] { ("one", 1), ("two", 2), ("three", 3) })
        {
            // One-way notes keep no order between them: each is published once the one before it is in the feed.
            await Feed(server).PublishAsync(Notice(summary));
            await Eventually.ReadAsync(
                () => server.GetOkAsync<List<SupervisorNotice>>("/api/supervisor/notices"),
                notices => notices.Count == published,
                $"notice {summary} in the feed",
                notices => string.Join(", ", notices.Select(notice => notice.Summary)));
        }

        var all = await Eventually.ReadAsync(
            () => server.GetOkAsync<List<SupervisorNotice>>("/api/supervisor/notices"),
            notices => notices.Count == 3,
            "the three notices in the feed",
            notices => string.Join(", ", notices.Select(notice => notice.Summary)));
        var afterFirst = await server.GetOkAsync<List<SupervisorNotice>>($"/api/supervisor/notices?after={all[0].Id}");
        var afterLast = await server.GetOkAsync<List<SupervisorNotice>>($"/api/supervisor/notices?after={all[2].Id}");

        Assert.Equal(["one", "two", "three"], all.Select(notice => notice.Summary));
        Assert.Equal(["two", "three"], afterFirst.Select(notice => notice.Summary));
        Assert.Empty(afterLast);
        Assert.Equal("ana", all[0].OperatorId);
    }

    [Theory]
    [InlineData("/api/supervisor/notices?after=-1")]
    [InlineData("/api/supervisor/notices?after=first")]
    public async Task AnInvalidAfterIsRefusedAsProblemDetails(string path)
    {
        await using var server = await HelpdeskServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static ISupervisorFeedGrain Feed(HelpdeskServer server) => server.Grains.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center);

    private static SupervisorNotice Notice(string summary) => new(0, "kpi-alert", Nine, summary, OperatorId: "ana", Department: "billing");

    private static string? Summary(ServerSentEvent e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return data.RootElement.GetProperty("summary").GetString();
    }
}
