using System.Text.Json;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>The answer an operation finally got: its status (0 when every attempt failed), its body, and whether an earlier attempt had failed.</summary>
/// <param name="Status">The HTTP status, or 0 when the retries ran out without an answer other than a failure.</param>
/// <param name="Body">The answer's body.</param>
/// <param name="FailedBefore">An earlier attempt failed, so it may have been carried out: a refusal now can mean it was done already.</param>
/// <param name="Attempts">Attempts sent.</param>
internal sealed record ApiAnswer(int Status, string Body, bool FailedBefore, int Attempts)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsConflict => Status == 409;

    public bool IsNotFound => Status == 404;

    public bool GaveUp => Status == 0;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, ApiJson.Options)
        ?? throw new JsonException($"The answer of status {Status} was empty where a {typeof(T).Name} was expected.");

    /// <summary>A short description for logs: the status and the start of the body.</summary>
    public string Describe() => GaveUp ? $"no answer after {Attempts} attempts" : $"{Status} {Body[..Math.Min(Body.Length, 300)]}";
}
