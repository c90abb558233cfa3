using System.Net;
using Helpdesk.Api.Contacts;
using Helpdesk.Api.Hosting;
using Helpdesk.Grains.Common;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>
/// What the API does for its callers while a silo stops, over real HTTP: a request whose grain call was not delivered
/// (the grain was being handed over) runs again before it answers, and once the stop has begun every answer closes its
/// connection.
/// </summary>
public sealed class StoppingSiloTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _ids = new();
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempts;

    private WebApplication App => _app!;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _app = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:30", .. TestKeys.Settings], builder => builder.Logging.ClearProviders());
        var test = _app.MapGroup("/test").AddEndpointFilter<UndeliveredCallRetry>();
        test.MapGet("/moving/{failures:int}", (int failures) =>
            Interlocked.Increment(ref _attempts) <= failures ? throw Rejected() : Results.Ok(_attempts));
        test.MapGet("/rejected", () => Interlocked.Increment(ref _attempts) > 0 ? throw Rejected() : Results.Ok());
        test.MapPost("/cut-off", () => Interlocked.Increment(ref _attempts) > 0 ? throw CutOff() : Results.Ok());
        test.MapGet("/cut-off/{failures:int}", (int failures) => Interlocked.Increment(ref _attempts) <= failures ? throw CutOff() : Results.Ok(_attempts));
        test.MapGet("/failed", () => Interlocked.Increment(ref _attempts) > 0 ? throw new OrleansException("A state write lost to a newer one.") : Results.Ok());
        test.MapGet("/started", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _attempts);
            await context.Response.WriteAsync(": connected\n\n");
            await context.Response.Body.FlushAsync();
            throw Rejected();
        });
        test.MapGet("/id", (HttpContext context) =>
        {
            _ids.Enqueue(IdempotencyGate.ContactIdFor(null, context));
            return Interlocked.Increment(ref _attempts) % 2 == 1 ? throw Rejected() : Results.Ok();
        });
        test.MapGet("/connection", async (HttpContext context) =>
        {
            _arrived.TrySetResult();
            await _release.Task;
            return context.Connection.Id;
        });
        await _app.StartAsync();
        // One connection, so that a request goes out on the connection the one before it used, unless that one was closed.
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(_app.Urls.Single()) }.WithKey();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARequestWhoseGrainWasMovingRunsAgainAndSucceeds()
    {
        using var response = await Client.GetAsync(new Uri("/test/moving/2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARequestRejectedAtEveryAttemptAnswers503WithRetryAfterAfterItsLastPause()
    {
        using var response = await Client.GetAsync(new Uri("/test/rejected", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1 + Redelivery.Pauses.Count, _attempts);
    }

    [Fact]
    public async Task AChangeCutOffByADeadSiloIsNotRepeated()
    {
        using var response = await Client.PostAsync(new Uri("/test/cut-off", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task AReadCutOffByADeadSiloIsRepeated()
    {
        using var response = await Client.GetAsync(new Uri("/test/cut-off/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFailureThatWasNoRejectionIsNotRepeated()
    {
        using var response = await Client.GetAsync(new Uri("/test/failed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task ARequestThatHasBegunItsAnswerIsNotRepeated()
    {
        using var response = await Client.GetAsync(new Uri("/test/started", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task ARepeatedRequestKeepsTheFreshIdItsFirstAttemptWasGiven()
    {
        using var first = await Client.GetAsync(new Uri("/test/id", UriKind.Relative));
        using var second = await Client.GetAsync(new Uri("/test/id", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var ids = _ids.ToArray();
        Assert.Equal(4, ids.Length);
        Assert.Matches("^c-[0-9a-f]{24}$", ids[0]);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[2], ids[3]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task OnceTheStopHasBegunEveryAnswerClosesItsConnection()
    {
        _release.SetResult();
        using var before = await Client.GetAsync(new Uri("/test/connection", UriKind.Relative));
        var beforeConnection = await before.Content.ReadAsStringAsync();
        Assert.NotEqual(true, before.Headers.ConnectionClose);

        using var hurry = new CancellationTokenSource();
        var stopping = App.StopAsync(hurry.Token);
        await Eventually.ReadAsync(() => Task.FromResult(App.Services.GetRequiredService<Draining>().Started), started => started, "the stop to begin");
        using var during = await Client.GetAsync(new Uri("/test/connection", UriKind.Relative));
        var duringConnection = await during.Content.ReadAsStringAsync();
        using var after = await Client.GetAsync(new Uri("/test/connection", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(beforeConnection, duringConnection);
        Assert.True(during.Headers.ConnectionClose, "An answer during the drain kept its connection open.");
        Assert.NotEqual(duringConnection, await after.Content.ReadAsStringAsync());
        await hurry.CancelAsync();
        await stopping;
    }

    [Fact]
    public async Task ARequestUnderWayWhenTheStopBeginsClosesItsConnectionWhenItEnds()
    {
        var underWay = Client.GetAsync(new Uri("/test/connection", UriKind.Relative));
        await _arrived.Task.WaitAsync(Eventually.Patience);

        using var hurry = new CancellationTokenSource();
        var stopping = App.StopAsync(hurry.Token);
        await Eventually.ReadAsync(() => Task.FromResult(App.Services.GetRequiredService<Draining>().Started), started => started, "the stop to begin");
        _release.SetResult();
        using var first = await underWay;
        var firstConnection = await first.Content.ReadAsStringAsync();
        using var next = await Client.GetAsync(new Uri("/test/connection", UriKind.Relative));

        Assert.NotEqual(firstConnection, await next.Content.ReadAsStringAsync());
        await hurry.CancelAsync();
        await stopping;
    }

    /// <summary>A rejection as Orleans raises it for a message a stopping silo did not run; its constructors are the runtime's own.</summary>
    private static OrleansMessageRejectionException Rejected() =>
        (OrleansMessageRejectionException)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException));

    private static SiloUnavailableException CutOff() => new("The target silo became unavailable for message.");
}
