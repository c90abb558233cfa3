using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Helpdesk.LoadGenerator.Contracts;
using Helpdesk.LoadGenerator.Measurement;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>Calls the API through the <see cref="SiloPool"/>, measuring every attempt, and retries failures on the next silo.</summary>
/// <remarks>
/// A failure is a 5xx answer, a broken connection or no answer within <see cref="AttemptLimit"/>; a refusal (4xx) is an
/// answer and goes back to the caller, except a 409 saying the same Idempotency-Key is still in flight. Retrying is
/// safe for every call the generator makes: contacts carry an Idempotency-Key, accepting twice answers the same, and
/// a refused status change after a failure is checked by reading the contact.
/// </remarks>
internal sealed class ApiClient(HttpClient http, SiloPool silos, Recorder recorder)
{
    /// <summary>How long one attempt may take: a little over the silo's 30 s grain call timeout, as nginx's read timeout in front of the cluster, so an overloaded silo answers 504 before the client gives up and piles a retry on it.</summary>
    public static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(35);

    /// <summary>How the failure of an attempt that a silo answered with an error begins: <c>HTTP 503</c>, say.</summary>
    public const string AnsweredWith = "HTTP ";

    /// <summary>How long an operation keeps retrying failures by default: a failover takes a lease (6 s) or two.</summary>
    public static readonly TimeSpan DefaultRetryFor = TimeSpan.FromSeconds(40);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public SiloPool Silos => silos;

    public Recorder Recorder => recorder;

    /// <summary>Sends <paramref name="request"/>, retrying failures on the next silo until its retry time has passed.</summary>
    public async Task<ApiAnswer> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body is null ? null : JsonSerializer.SerializeToUtf8Bytes(request.Body, ApiJson.Options);
        var started = Stopwatch.GetTimestamp();
        var retryFor = request.RetryFor ?? DefaultRetryFor;
        var backoff = FirstBackoff;
        var failedBefore = false;
        for (var attempt = 1; ; attempt++)
        {
            var (status, text, failure) = await AttemptAsync(request, body, cancellationToken);
            var inFlight = status == (int)HttpStatusCode.Conflict && request.IdempotencyKey is not null && text.Contains("Request in flight", StringComparison.Ordinal);
            if (failure is null && !inFlight)
            {
                recorder.Operation(request.Endpoint, gaveUp: false, Stopwatch.GetElapsedTime(started));
                return new ApiAnswer(status, text, failedBefore, attempt);
            }

            failedBefore |= failure is not null;
            if (Stopwatch.GetElapsedTime(started) + backoff > retryFor)
            {
                recorder.Operation(request.Endpoint, gaveUp: true, Stopwatch.GetElapsedTime(started));
                return new ApiAnswer(inFlight ? status : 0, text, failedBefore, attempt);
            }

            await Task.Delay(backoff, cancellationToken);
            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }

    /// <summary>Opens an event stream at the next silo; the time to its headers counts as the attempt's latency.</summary>
    /// <returns>The open response and the silo it came from, or <see langword="null"/> and the silo when the attempt failed.</returns>
    public async Task<(HttpResponseMessage? Response, int Silo)> OpenStreamAsync(string endpoint, string path, long lastEventId, CancellationToken cancellationToken)
    {
        var silo = silos.Pick();
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(silos[silo], path));
        message.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId > 0)
        {
            message.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        recorder.Sending();
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(AttemptLimit);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var outcome = OutcomeOf(response.StatusCode);
            recorder.Attempt(endpoint, silo, sentAt, Stopwatch.GetTimestamp(), outcome, outcome == Outcome.Failed ? $"HTTP {(int)response.StatusCode}" : null);
            if (response.IsSuccessStatusCode)
            {
                return (response, silo);
            }

            response.Dispose();
            return (null, silo);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransport(exception))
        {
            recorder.Attempt(endpoint, silo, sentAt, Stopwatch.GetTimestamp(), Outcome.Failed, Reason(exception));
            silos.MarkDown(silo);
            return (null, silo);
        }
    }

    private async Task<(int Status, string Text, string? Failure)> AttemptAsync(ApiRequest request, byte[]? body, CancellationToken cancellationToken)
    {
        var silo = silos.Pick();
        using var message = new HttpRequestMessage(request.Method, new Uri(silos[silo], request.Path));
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }

        if (request.IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }

        recorder.Sending();
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(AttemptLimit);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, limit.Token);
            var text = await response.Content.ReadAsStringAsync(limit.Token);
            var status = (int)response.StatusCode;
            var outcome = OutcomeOf(response.StatusCode);
            var failure = outcome == Outcome.Failed ? $"{AnsweredWith}{status}" : null;
            recorder.Attempt(request.Endpoint, silo, sentAt, Stopwatch.GetTimestamp(), outcome, failure);
            return (status, text, failure);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransport(exception))
        {
            var reason = Reason(exception);
            recorder.Attempt(request.Endpoint, silo, sentAt, Stopwatch.GetTimestamp(), Outcome.Failed, reason);
            silos.MarkDown(silo);
            return (0, "", reason);
        }
    }

    private static Outcome OutcomeOf(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => Outcome.Ok,
        >= 400 and < 500 => Outcome.Refused,
        _ => Outcome.Failed,
    };

    private static bool IsTransport(Exception exception) => exception is HttpRequestException or IOException or OperationCanceledException;

    /// <summary>Why an attempt got no answer, in a few words for the failure log.</summary>
    private static string Reason(Exception exception) => exception switch
    {
        OperationCanceledException => $"no answer within {AttemptLimit.TotalSeconds:0} s",
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "cannot connect",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before the answer",
        _ => $"connection broken ({exception.GetType().Name})",
    };
}
