namespace Helpdesk.Runtime.Core;

/// <summary>The caller does not wait for the call: it returns at once and failures are only logged.</summary>
/// <remarks>Use it for notifications on back edges, so two grains never wait on each other.</remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OneWayAttribute : Attribute;
