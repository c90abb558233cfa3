using System.Reflection;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Invocation;

/// <summary>The typed reference behind <c>IGrainFactory.Get&lt;T&gt;</c>: turns interface calls into grain requests.</summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;

    /// <summary>The identity of the grain this reference points to.</summary>
    public GrainId GrainId { get; private set; }

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId id)
    {
        var proxy = Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy!;
        self._runtime = runtime;
        self.GrainId = id;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return GrainMethod.Of(targetMethod).Call(_runtime!, GrainId, args ?? []);
    }

    /// <inheritdoc />
    public override string ToString() => $"GrainReference({GrainId})";

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainProxy other && other.GrainId == GrainId;

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();
}
