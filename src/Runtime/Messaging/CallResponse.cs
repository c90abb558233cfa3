using System.Text.Json;

namespace Helpdesk.Runtime.Messaging;

/// <summary>A callee silo's answer to a <see cref="CallEnvelope"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Result">The result, serialized as the method's result type, when there is one.</param>
/// <param name="ErrorType">The full name of the exception the grain threw.</param>
/// <param name="ErrorMessage">Its message.</param>
public sealed record CallResponse(CallStatus Status, JsonElement? Result = null, string? ErrorType = null, string? ErrorMessage = null);
