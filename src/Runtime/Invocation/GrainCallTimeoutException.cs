using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Invocation;

/// <summary>A grain call did not complete within the call timeout. The runtime never retries it.</summary>
public sealed class GrainCallTimeoutException(GrainId target, string method, TimeSpan timeout)
    : TimeoutException($"Call to {target}.{method} did not complete within {timeout}. The grain may be busy or waiting in a call cycle; the call was not retried, so retry it only if it is idempotent.")
{
    /// <summary>The grain that was called.</summary>
    public GrainId Target { get; } = target;
}
