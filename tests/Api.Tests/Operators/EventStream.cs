using System.Globalization;
using System.Net;
using System.Text;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>A client of a server-sent event stream, such as an operator's desktop on <c>GET /api/operators/{id}/events</c>, reading it line by line.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    /// <summary>How long a test waits for an event before it fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<ServerSentEvent> _seen = [];

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Every event read so far, in order.</summary>
    public IReadOnlyList<ServerSentEvent> Seen => _seen;

    /// <summary>Connects to the operator's events, resuming after <paramref name="lastEventId"/> when given, and waits for the server's first line.</summary>
    public static Task<EventStream> OpenAsync(HelpdeskServer server, string operatorId, long? lastEventId = null) =>
        ConnectAsync(server, new Uri($"/api/operators/{operatorId}/events", UriKind.Relative), lastEventId);

    /// <summary>Connects to the stream at <paramref name="path"/>, resuming after <paramref name="lastEventId"/> when given, and waits for the server's first line.</summary>
    public static async Task<EventStream> ConnectAsync(HelpdeskServer server, Uri path, long? lastEventId = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
        }

        using var timeout = new CancellationTokenSource(Timeout);
        var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token), Encoding.UTF8));
        var first = await stream._reader.ReadLineAsync(timeout.Token);
        Assert.Equal(": connected", first);
        return stream;
    }

    /// <summary>Reads events until one matches; fails saying what was expected and what came instead.</summary>
    public async Task<ServerSentEvent> WaitForAsync(Func<ServerSentEvent, bool> match, string expectation)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (await ReadEventAsync(timeout.Token) is { } next)
            {
                _seen.Add(next);
                if (match(next))
                {
                    return next;
                }
            }

            Assert.Fail($"The event stream ended before {expectation}; it sent: {Describe()}.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"Expected {expectation} on the event stream within {Timeout.TotalSeconds} s; it sent: {Describe()}.");
        }

        throw new InvalidOperationException("Assert.Fail returned.");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The next event, skipping comments such as keep-alives; <see langword="null"/> when the stream ends.</summary>
    private async Task<ServerSentEvent?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? id = null;
        string? type = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (type is not null || data.Length > 0)
                {
                    return new ServerSentEvent(id, type ?? "message", data.ToString());
                }

                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Append(data.Length > 0 ? "\n" : "").Append(value);
                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private string Describe() => _seen.Count == 0 ? "no event" : string.Join("; ", _seen);
}
