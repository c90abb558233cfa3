using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Broadcasts;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Broadcasts;

/// <summary>An Idempotency-Key makes announcing a broadcast safe to retry, over real HTTP.</summary>
public sealed class BroadcastIdempotencyTests
{
    private readonly ManualTimeProvider _clock = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task ARetryWithTheSameKeyAndBodyAnswersTheSameBroadcastEvenLater()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var body = BroadcastApi.ToAll(Now.AddHours(2));
        using var first = await server.PostBroadcastAsync(body, "outage-17");
        var firstText = await first.Content.ReadAsStringAsync();
        await server.AdvanceAsync(TimeSpan.FromMinutes(5));

        using var retry = await server.PostBroadcastAsync(body, "outage-17");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        var broadcast = await HelpdeskServer.ReadOkAsync<Broadcast>(retry);
        Assert.Equal(Now.AddMinutes(-5), broadcast.Start);
        Assert.Equal([broadcast.Id], (await server.ListBroadcastsAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task ARetryAfterTheBroadcastWasEndedAnswersTheOriginalOutcomeAndCreatesNothing()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var body = BroadcastApi.ToAll(Now.AddHours(2));
        var created = await server.CreateBroadcastAsync(body, "outage-17");
        using var end = await server.EndBroadcastAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);

        var retried = await server.CreateBroadcastAsync(body, "outage-17");

        Assert.Equal(created, retried);
        Assert.NotNull((await server.GetOkAsync<Broadcast>($"/api/broadcasts/{created.Id}")).EndedAt);
        Assert.Single(await server.ListBroadcastsAsync());
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefusedNamingTheKeyAndChangesNothing()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var created = await server.CreateBroadcastAsync(BroadcastApi.ToAll(Now.AddHours(2), "Planned work tonight."), "outage-17");

        using var response = await server.PostBroadcastAsync(BroadcastApi.ToAll(Now.AddHours(2), "Something else."), "outage-17");

        Assert.Equal(["Idempotency-Key"], (await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal([created], await server.ListBroadcastsAsync());
    }

    [Fact]
    public async Task DifferentKeysOrNoKeyCreateDifferentBroadcasts()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var body = BroadcastApi.ToAll(Now.AddHours(2));

        var one = await server.CreateBroadcastAsync(body, "key-1");
        var two = await server.CreateBroadcastAsync(body, "key-2");
        var three = await server.CreateBroadcastAsync(body);
        var four = await server.CreateBroadcastAsync(body);

        Assert.Equal(4, new[] { one.Id, two.Id, three.Id, four.Id }.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, (await server.ListBroadcastsAsync()).Count);
    }
}
