namespace Helpdesk.Runtime.Core;

/// <summary>Lets this method run while other requests of a non-reentrant grain are running, and them while it runs.</summary>
/// <remarks>
/// For waits that must not hold the grain, such as a long poll; turns still run one at a time. Requests without
/// it still wait for each other.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
