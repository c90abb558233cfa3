namespace Helpdesk.Runtime.Core;

/// <summary>Running the call twice is harmless, so the runtime may send it again when the silo it went to died mid-call.</summary>
/// <remarks>Other calls to a dead silo fail with a clear unavailable error instead, because they may have run.</remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotentAttribute : Attribute;
