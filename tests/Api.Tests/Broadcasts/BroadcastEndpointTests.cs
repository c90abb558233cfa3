using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Broadcasts;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Broadcasts;

/// <summary>Announcing, listing and ending broadcasts over real HTTP, on a manual clock.</summary>
public sealed class BroadcastEndpointTests
{
    private readonly ManualTimeProvider _clock = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task ABroadcastIsCreatedAtItsLocationStartingNowUnlessToldOtherwise()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        await server.CreateDepartmentAsync("billing");

        var created = await server.CreateBroadcastAsync(new { scope = "department", department = "billing", message = "Invoices are late this month.", end = Now.AddHours(2) });
        var read = await server.GetOkAsync<Broadcast>($"/api/broadcasts/{created.Id}");

        Assert.StartsWith("b-", created.Id, StringComparison.Ordinal);
        Assert.Equal(new Broadcast(created.Id, BroadcastScope.Department, "billing", null, "Invoices are late this month.", Now, Now.AddHours(2)), created);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task BroadcastsAreAnsweredInTheApisJsonWithTheScopeInSnakeCase()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);

        using var response = await server.PostBroadcastAsync(new { scope = "topic", topic = "Cannot log in", message = "Log-in is down.", end = Now.AddHours(1) });
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("topic", json.RootElement.GetProperty("scope").GetString());
        Assert.Equal("Cannot log in", json.RootElement.GetProperty("topic").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("endedAt").ValueKind);
    }

    [Fact]
    public async Task TheListShowsTheLatestStartFirstAndCanKeepToThoseActiveOrNot()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var now = await server.CreateBroadcastAsync(new { scope = "all", message = "now", end = Now.AddHours(2) });
        var later = await server.CreateBroadcastAsync(new { scope = "all", message = "later", start = Now.AddHours(1), end = Now.AddHours(3) });
        var earlier = await server.CreateBroadcastAsync(new { scope = "all", message = "earlier", start = Now.AddHours(-1), end = Now.AddHours(1) });

        Assert.Equal([later.Id, now.Id, earlier.Id], (await server.ListBroadcastsAsync()).Select(b => b.Id));
        Assert.Equal([now.Id, earlier.Id], (await server.ListBroadcastsAsync(active: true)).Select(b => b.Id));
        Assert.Equal([later.Id], (await server.ListBroadcastsAsync(active: false)).Select(b => b.Id));

        await server.AdvanceAsync(TimeSpan.FromMinutes(90));

        Assert.Equal([later.Id, now.Id], (await server.ListBroadcastsAsync(active: true)).Select(b => b.Id));
        Assert.Equal([earlier.Id], (await server.ListBroadcastsAsync(active: false)).Select(b => b.Id));
        Assert.Equal(3, (await server.ListBroadcastsAsync()).Count);
    }

    [Fact]
    public async Task DeletingABroadcastEndsItNowAndKeepsItListed()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var created = await server.CreateBroadcastAsync(BroadcastApi.ToAll(Now.AddHours(2)));
        await server.AdvanceAsync(TimeSpan.FromMinutes(20));

        using var response = await server.EndBroadcastAsync(created.Id);
        var ended = await HelpdeskServer.ReadOkAsync<Broadcast>(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created with { EndedAt = Now }, ended);
        Assert.Equal(ended, await server.GetOkAsync<Broadcast>($"/api/broadcasts/{created.Id}"));
        Assert.Empty(await server.ListBroadcastsAsync(active: true));
        Assert.Equal([ended], await server.ListBroadcastsAsync());
    }

    [Fact]
    public async Task EndingABroadcastTwiceIsAConflict()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var created = await server.CreateBroadcastAsync(BroadcastApi.ToAll(Now.AddHours(2)));
        using var first = await server.EndBroadcastAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var endedAt = Now;
        await server.AdvanceAsync(TimeSpan.FromMinutes(5));

        using var again = await server.EndBroadcastAsync(created.Id);

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("was ended", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(endedAt, (await server.GetOkAsync<Broadcast>($"/api/broadcasts/{created.Id}")).EndedAt);
    }

    [Fact]
    public async Task EndingABroadcastThatRanOutIsAConflict()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var created = await server.CreateBroadcastAsync(BroadcastApi.ToAll(Now.AddHours(1)));
        await server.AdvanceAsync(TimeSpan.FromHours(1));

        using var response = await server.EndBroadcastAsync(created.Id);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("is over", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Null((await server.GetOkAsync<Broadcast>($"/api/broadcasts/{created.Id}")).EndedAt);
    }

    [Fact]
    public async Task AnUnknownBroadcastIsNotFoundToReadOrToEnd()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);

        using var read = await server.Client.GetAsync(new Uri("/api/broadcasts/b-nothing", UriKind.Relative));
        using var end = await server.EndBroadcastAsync("b-nothing");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(end, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABroadcastOverForMoreThanThirtyDaysIsForgottenWhileARecentOneStaysListed()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var old = await server.CreateBroadcastAsync(new { scope = "all", message = "old", end = Now.AddHours(1) });
        var recent = await server.CreateBroadcastAsync(new { scope = "all", message = "recent", end = Now.AddDays(20) });
        await server.AdvanceAsync(TimeSpan.FromDays(31));

        var fresh = await server.CreateBroadcastAsync(new { scope = "all", message = "fresh", end = Now.AddHours(1) });

        Assert.Equal([fresh.Id, recent.Id], (await server.ListBroadcastsAsync()).Select(b => b.Id));
        using var response = await server.Client.GetAsync(new Uri($"/api/broadcasts/{old.Id}", UriKind.Relative));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
