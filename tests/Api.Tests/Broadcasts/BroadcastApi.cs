using System.Net;
using System.Net.Http.Json;
using Helpdesk.Grains.Broadcasts;

namespace Helpdesk.Api.Tests.Broadcasts;

/// <summary>Announces and ends broadcasts the way a supervisor's console does.</summary>
internal static class BroadcastApi
{
    /// <summary>POSTs a broadcast, with an Idempotency-Key when given.</summary>
    public static async Task<HttpResponseMessage> PostBroadcastAsync(this HelpdeskServer server, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/broadcasts", UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: HelpdeskServer.Json),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await server.Client.SendAsync(request);
    }

    /// <summary>Announces a broadcast and checks it was created at its location.</summary>
    public static async Task<Broadcast> CreateBroadcastAsync(this HelpdeskServer server, object body, string? idempotencyKey = null)
    {
        using var response = await server.PostBroadcastAsync(body, idempotencyKey);
        var broadcast = await HelpdeskServer.ReadOkAsync<Broadcast>(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/broadcasts/{broadcast.Id}", response.Headers.Location?.OriginalString);
        return broadcast;
    }

    /// <summary>A broadcast to everyone from now until <paramref name="end"/>.</summary>
    public static object ToAll(DateTimeOffset end, string message = "We are moving offices; expect longer waits.") =>
        new { scope = "all", message, end };

    public static Task<HttpResponseMessage> EndBroadcastAsync(this HelpdeskServer server, string id)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Client.DeleteAsync(new Uri($"/api/broadcasts/{id}", UriKind.Relative));
    }

    public static Task<List<Broadcast>> ListBroadcastsAsync(this HelpdeskServer server, bool? active = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.GetOkAsync<List<Broadcast>>(active is null ? "/api/broadcasts" : $"/api/broadcasts?active={(active.Value ? "true" : "false")}");
    }
}
