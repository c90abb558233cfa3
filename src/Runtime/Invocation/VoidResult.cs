namespace Helpdesk.Runtime.Invocation;

/// <summary>The result of a grain method that returns a plain <see cref="Task"/>.</summary>
internal readonly struct VoidResult;
