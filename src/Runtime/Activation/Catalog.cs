using System.Collections.Concurrent;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Invocation;

namespace Helpdesk.Runtime.Activation;

/// <summary>This silo's directory of live activations: finds or creates the activation a request is for.</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private volatile bool _started;
    private volatile bool _stopping;

    public int Count => _activations.Count;

    public IEnumerable<GrainActivation> Activations => _activations.Values;

    /// <summary>Hands a request to the local activation of its grain, creating it under <paramref name="fence"/> if needed.</summary>
    public void Dispatch(GrainRequest request, Fence fence)
    {
        if (RefusesCalls(request))
        {
            return;
        }

        request.ReceivedTimestamp = runtime.TimeProvider.GetTimestamp();

        GrainActivation activation;
        try
        {
            activation = _activations.TryGetValue(request.Target, out var existing)
                ? existing
                : _activations.GetOrAdd(request.Target, static (id, state) => new GrainActivation(state.runtime, id, state.runtime.Registry.ClassOf(id.Type), state.fence), (runtime, fence));
        }
        catch (Exception exception) when (exception is UnknownGrainTypeException)
        {
            request.Fail(exception);
            return;
        }

        activation.Receive(request);
    }

    /// <summary>Fails <paramref name="request"/> fast when this silo is not started yet or is gone; otherwise <see langword="false"/>.</summary>
    public bool RefusesCalls(GrainRequest request)
    {
        if (_started && !_stopping)
        {
            return false;
        }

        request.Fail(new SiloUnavailableException(_stopping
            ? $"The silo is shutting down and takes no more calls; {request.Target} was not called."
            : $"The silo is starting and its storage is not ready yet; {request.Target} was not called."));
        return true;
    }

    /// <summary>Opens the catalog for calls once storage is ready.</summary>
    public void Open() => _started = true;

    /// <summary>Refuses every new call at once, without deactivating anything, as a dying silo would.</summary>
    public void Close() => _stopping = true;

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));

    /// <summary>Deactivates every activation, letting running turns finish, and refuses new ones.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var activations = _activations.Values.ToArray();
        foreach (var activation in activations)
        {
            activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        }

        await Task.WhenAll(activations.Select(a => a.Deactivated)).WaitAsync(cancellationToken);
    }

    /// <summary>Deactivates every activation of <paramref name="partitions"/>; running turns finish and queued calls are sent on.</summary>
    /// <remarks>
    /// A call that checked ownership just before the partitions stopped being served may still create an activation
    /// after the first scan, so the scan repeats until none is left.
    /// </remarks>
    public async Task DeactivatePartitionsAsync(IReadOnlySet<int> partitions)
    {
        while (_activations.Values.Where(activation => partitions.Contains(activation.Fence.Partition)).ToArray() is { Length: > 0 } activations)
        {
            foreach (var activation in activations)
            {
                activation.RequestDeactivation(DeactivationReason.PartitionMoved);
            }

            await Task.WhenAll(activations.Select(activation => activation.Deactivated));
        }
    }

    /// <summary>Expires overdue requests and collects activations idle for longer than <paramref name="idleAge"/>.</summary>
    public void Sweep(long nowTicks, TimeSpan idleAge)
    {
        foreach (var activation in _activations.Values)
        {
            activation.ExpireRequests(nowTicks);
            if (activation.IsIdle(nowTicks, idleAge))
            {
                activation.RequestDeactivation(DeactivationReason.IdleCollection);
            }
        }
    }
}
