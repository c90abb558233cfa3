namespace Helpdesk.LoadGenerator.Http;

/// <summary>One call of the API, retried on failure until <see cref="RetryFor"/> has passed.</summary>
/// <param name="Endpoint">The row it counts in, e.g. <c>POST /api/contacts</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query, e.g. <c>/api/contacts/c-1/accept</c>.</param>
/// <param name="Body">Sent as JSON, the same bytes on every attempt.</param>
/// <param name="IdempotencyKey">Sent as <c>Idempotency-Key</c>; a 409 saying the key is in flight is then retried too.</param>
/// <param name="RetryFor">How long to keep retrying failures; 30 s when absent.</param>
internal sealed record ApiRequest(string Endpoint, HttpMethod Method, string Path, object? Body = null, string? IdempotencyKey = null, TimeSpan? RetryFor = null);
