using System.Globalization;
using System.Text.Json;
using Helpdesk.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Common;

/// <summary>Serves a grain's long-polled events as server-sent events, resuming after the client's Last-Event-ID.</summary>
internal static class EventStream
{
    /// <summary>How long one wait for events lasts before a keep-alive comment is sent.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Streams until the client goes away or the silo stops: each event as <c>id:</c>, <c>event:</c> and <c>data:</c> (its JSON), a keep-alive after each empty wait.</summary>
    /// <param name="context">The request; its <c>Last-Event-ID</c> header says where to resume, 0 when absent.</param>
    /// <param name="watch">Long-polls the events after an id, waiting up to the given time for one; the token ends the wait early.</param>
    /// <param name="describe">An event's id and type.</param>
    /// <param name="json">The API's JSON options, so events read like every other answer.</param>
    /// <remarks>
    /// When the silo stops, the stream ends with a comment saying so, once <see cref="Draining"/> says streams must end;
    /// the client reconnects, through a load balancer to another silo, and resumes after its last event id.
    /// </remarks>
    public static async Task WriteAsync<T>(
        HttpContext context,
        Func<long, TimeSpan, CancellationToken, Task<IReadOnlyList<T>>> watch,
        Func<T, (long Id, string Type)> describe,
        JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(describe);
        var after = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen) ? lastSeen : 0;
        var response = context.Response;
        var cancelled = context.RequestAborted;
        var drain = context.RequestServices.GetRequiredService<Draining>();
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancelled, drain.StreamsEnd);
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await response.WriteAsync(": connected\n\n", cancelled);
            await response.Body.FlushAsync(cancelled);
            while (!ending.IsCancellationRequested)
            {
                var events = await watch(after, Wait, ending.Token);
                if (events.Count == 0)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancelled);
                }

                foreach (var item in events)
                {
                    var (id, type) = describe(item);
                    var data = JsonSerializer.Serialize(item, json);
                    await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {id}\nevent: {type}\ndata: {data}\n\n"), cancelled);
                    after = id;
                }

                await response.Body.FlushAsync(cancelled);
                if (events.Count == 0 && drain.Started)
                {
                    // The grains end their waits at once while the silo stops: wait for the streams' end instead of asking again and again.
                    await Task.Delay(Timeout.InfiniteTimeSpan, ending.Token);
                }
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client went away, or the silo is stopping; either way the client resumes from its Last-Event-ID.
        }

        if (drain.StreamsEnd.IsCancellationRequested && !cancelled.IsCancellationRequested)
        {
            await response.WriteAsync(": the silo is stopping; reconnect to resume\n\n", CancellationToken.None);
            await response.Body.FlushAsync(CancellationToken.None);
        }
    }
}
