using System.Text.Json;

namespace Helpdesk.Runtime.Messaging;

/// <summary>A grain call from one silo to another.</summary>
/// <param name="Type">The target grain's type name.</param>
/// <param name="Key">The target grain's key.</param>
/// <param name="Method">The method's key (interface, name and parameter types).</param>
/// <param name="Arguments">The arguments, each serialized as its parameter type.</param>
/// <param name="TimeoutMs">How long the caller still waits; the callee's deadline.</param>
/// <param name="ViewVersion">The version of the caller's partition map.</param>
public sealed record CallEnvelope(string Type, string Key, string Method, JsonElement[] Arguments, long TimeoutMs, long ViewVersion);
