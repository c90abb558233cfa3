using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Api.Contacts;
using Helpdesk.Benchmarks.Center;
using Helpdesk.Benchmarks.Measurement;

namespace Helpdesk.Benchmarks.Contacts;

/// <summary>Posts new contacts of the <see cref="ContactMix"/> to one server on this machine, each with its own Idempotency-Key, and says how each answer ended.</summary>
internal sealed class ContactPoster : IDisposable
{
    /// <summary>How the API reads JSON: camelCase with snake_case enum names.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Shorter than the closed loop's drain limit, so a request that hangs is counted as a failure, not a hung run.</summary>
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    private readonly HttpClient _client;
    private readonly Uri _contacts;
    private long _sequence;
    private string? _firstFailure;

    /// <param name="server">The server's address; only a loopback address is accepted.</param>
    /// <param name="connections">Connections kept open to it: one per closed-loop worker.</param>
    /// <param name="apiKey">The key sent with every request.</param>
    public ContactPoster(Uri server, int connections, string apiKey)
    {
        if (!server.IsLoopback)
        {
            throw new BenchmarkException($"The contacts suite only loads servers on this machine; {server} is not a loopback address.");
        }

        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = AnswerLimit,
        };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _contacts = new Uri(server, "/api/contacts");
    }

    /// <summary>The first answer that was not 201, with its body, to show what went wrong.</summary>
    public string? FirstFailure => Volatile.Read(ref _firstFailure);

    public async Task<Outcome> PostAsync()
    {
        var number = Interlocked.Increment(ref _sequence);
        var contact = ContactMix.For(number);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CreateContactRequest(contact.CustomerId, contact.Channel, contact.Topic, contact.Department, contact.Priority, contact.Skill, contact.MinProficiency), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, _contacts) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", $"benchmark-{number}");
        try
        {
            using var response = await _client.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return answer.AsSpan().IndexOf("\"status\":\"offered\""u8) >= 0 ? Outcome.Offer : Outcome.Queue;
            }

            Interlocked.CompareExchange(ref _firstFailure, $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}", null);
            return Outcome.Refused($"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Interlocked.CompareExchange(ref _firstFailure, $"{exception.GetType().Name}: {exception.Message}", null);
            return Outcome.Refused($"no answer ({exception.GetType().Name})");
        }
    }

    public void Dispose() => _client.Dispose();
}
