using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Diagnostics;
using Helpdesk.Runtime.Invocation;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Activation;

/// <summary>One live grain: its instance, its mailbox and its turn scheduler.</summary>
/// <remarks>
/// All work of the activation (starting a request, an <c>await</c> continuation, a timer tick) is a work item
/// in one queue, drained by at most one thread at a time, so grain code never runs concurrently with itself.
/// A non-reentrant grain also holds later requests back until the running one has finished.
/// </remarks>
internal sealed partial class GrainActivation : IThreadPoolWorkItem
{
    private const int TurnsPerSlice = 64;

    private readonly Lock _lock = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly Queue<GrainRequest> _waiting = new();
    private readonly List<GrainRequest> _running = [];
    private readonly List<GrainTimer> _timers = [];
    private readonly ActivationSynchronizationContext _context;
    private readonly GrainClass _class;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SendOrPostCallback _startRequest;
    private readonly ILogger _logger;
    private bool _scheduled;
    private ActivationStatus _status = ActivationStatus.Created;
    private DeactivationReason? _deactivationReason;
    private long _lastActiveTicks;
    private Grain? _grain;

    public GrainActivation(GrainRuntime runtime, GrainId id, GrainClass grainClass, Fence fence)
    {
        Runtime = runtime;
        Id = id;
        Fence = fence;
        _class = grainClass;
        _context = new ActivationSynchronizationContext(this);
        _startRequest = state => StartRequest((GrainRequest)state!);
        _logger = runtime.Logger;
        _lastActiveTicks = runtime.TimeProvider.GetUtcNow().UtcTicks;
    }

    public GrainId Id { get; }

    public GrainRuntime Runtime { get; }

    /// <summary>The partition lease this activation was created under; its writes are checked against it.</summary>
    public Fence Fence { get; }

    /// <summary>Completes when the activation is gone and its queued requests were handed on.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Accepts a request from any thread: starts it, queues it, or hands it on if this activation is gone.</summary>
    public void Receive(GrainRequest request)
    {
        var action = ReceiveAction.Queue;
        lock (_lock)
        {
            switch (_status)
            {
                case ActivationStatus.Invalid:
                    action = ReceiveAction.Forward;
                    break;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    _waiting.Enqueue(request);
                    action = ReceiveAction.Activate;
                    break;
                case ActivationStatus.Valid when _deactivationReason is null && CanStart(request):
                    _running.Add(request);
                    action = ReceiveAction.Start;
                    break;
                default:
                    _waiting.Enqueue(request);
                    break;
            }
        }

        switch (action)
        {
            case ReceiveAction.Forward:
                Runtime.Send(request);
                break;
            case ReceiveAction.Activate:
                Post(static state => _ = ((GrainActivation)state!).ActivateAsync(), this);
                break;
            case ReceiveAction.Start:
                Post(_startRequest, request);
                break;
        }
    }

    /// <summary>Deactivates as soon as no request is running; queued requests then go to a fresh activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        var deactivateNow = false;
        lock (_lock)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid || _deactivationReason is not null)
            {
                return;
            }

            _deactivationReason = reason;
            if (_status == ActivationStatus.Valid && _running.Count == 0)
            {
                _status = ActivationStatus.Deactivating;
                deactivateNow = true;
            }
        }

        if (deactivateNow)
        {
            Post(static state => _ = ((GrainActivation)state!).DeactivateAsync(), this);
        }
    }

    /// <summary>Fails every request whose deadline has passed, so callers get a timeout error instead of a hang.</summary>
    public void ExpireRequests(long nowTicks)
    {
        List<GrainRequest>? expired = null;
        lock (_lock)
        {
            foreach (var request in _running)
            {
                if (request.DeadlineTicks <= nowTicks && !request.IsAnswered)
                {
                    (expired ??= []).Add(request);
                }
            }

            foreach (var request in _waiting)
            {
                if (request.DeadlineTicks <= nowTicks && !request.IsAnswered)
                {
                    (expired ??= []).Add(request);
                }
            }
        }

        foreach (var request in expired ?? [])
        {
            request.TimeOut(Runtime.Options.CallTimeout);
        }
    }

    /// <summary>Whether nothing ran or waited here for at least <paramref name="idleAge"/>.</summary>
    public bool IsIdle(long nowTicks, TimeSpan idleAge)
    {
        lock (_lock)
        {
            return _status == ActivationStatus.Valid
                && _running.Count == 0
                && _waiting.Count == 0
                && nowTicks - _lastActiveTicks >= idleAge.Ticks;
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Called on the activation when a request's invocation has finished.</summary>
    public void OnRequestFinished(GrainRequest request, Task? invocation)
    {
        Runtime.Calls.Count();
        Runtime.Instruments.CallCompleted(
            Id.Type,
            request.TimedOut || invocation is null ? RuntimeInstruments.Timeout : invocation.IsCompletedSuccessfully ? RuntimeInstruments.Ok : RuntimeInstruments.Error,
            Runtime.TimeProvider.GetElapsedTime(request.ReceivedTimestamp).TotalSeconds);

        if (invocation is { IsFaulted: true })
        {
            var exception = invocation.Exception!.GetBaseException();
            if (!request.HasCaller)
            {
                LogUnobservedFailure(Id, request.MethodName, exception);
            }

            if (exception is InconsistentStateException)
            {
                LogInconsistentState(Id, exception);
                RequestDeactivation(DeactivationReason.InconsistentState);
            }
        }

        List<GrainRequest>? next = null;
        var deactivate = false;
        lock (_lock)
        {
            _running.Remove(request);
            if (_status == ActivationStatus.Valid && _deactivationReason is not null)
            {
                if (_running.Count == 0)
                {
                    _status = ActivationStatus.Deactivating;
                    deactivate = true;
                }
            }
            else if (_status == ActivationStatus.Valid && !_class.IsReentrant)
            {
                // Everything at the head of the queue that may run now starts: a plain request, and any long polls.
                while (_waiting.TryPeek(out var waiting) && CanStart(waiting))
                {
                    _running.Add(_waiting.Dequeue());
                    (next ??= []).Add(_running[^1]);
                }
            }
        }

        if (next is not null)
        {
            foreach (var started in next)
            {
                Post(_startRequest, started);
            }
        }
        else if (deactivate)
        {
            Post(static state => _ = ((GrainActivation)state!).DeactivateAsync(), this);
        }
    }

    /// <summary>Queues a work item for this activation; the first one in an empty queue schedules the drain.</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        lock (_lock)
        {
            _work.Enqueue((callback, state));
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            for (var turn = 0; turn < TurnsPerSlice; turn++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_lock)
                {
                    if (!_work.TryDequeue(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    LogTurnFailed(Id, exception);
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // A long queue yields its thread after a slice so one busy grain cannot starve the others.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private static bool Interleaves(GrainRequest request) => request.Method?.AlwaysInterleaves == true;

    /// <summary>Whether <paramref name="request"/> may start beside the running ones; call under the lock.</summary>
    private bool CanStart(GrainRequest request) =>
        _class.IsReentrant || Interleaves(request) || !_running.Exists(running => !Interleaves(running));

    private void StartRequest(GrainRequest request)
    {
        if (request.IsAnswered)
        {
            OnRequestFinished(request, invocation: null);
            return;
        }

        if (request.KeepsAlive)
        {
            _lastActiveTicks = Runtime.TimeProvider.GetUtcNow().UtcTicks;
        }

        request.Start(this, _grain!);
    }

    private async Task ActivateAsync()
    {
        try
        {
            var (grain, states) = _class.Create(Runtime, this);
            grain.Attach(this);
            foreach (var state in states)
            {
                await state.ReadStateAsync();
            }

            await grain.OnActivateAsync(CancellationToken.None);
            _grain = grain;
        }
        catch (Exception exception)
        {
            LogActivationFailed(Id, exception);
            Runtime.Catalog.Remove(this);
            GrainRequest[] failed;
            lock (_lock)
            {
                _status = ActivationStatus.Invalid;
                failed = [.. _waiting];
                _waiting.Clear();
            }

            foreach (var request in failed)
            {
                request.Fail(exception);
            }

            _deactivated.TrySetResult();
            return;
        }

        List<GrainRequest> started = [];
        var deactivate = false;
        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            _lastActiveTicks = Runtime.TimeProvider.GetUtcNow().UtcTicks;
            if (_deactivationReason is not null)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else
            {
                while (_waiting.TryPeek(out var request) && CanStart(request))
                {
                    _waiting.Dequeue();
                    _running.Add(request);
                    started.Add(request);
                }
            }
        }

        if (deactivate)
        {
            await DeactivateAsync();
            return;
        }

        foreach (var request in started)
        {
            StartRequest(request);
        }
    }

    private async Task DeactivateAsync()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        var reason = _deactivationReason ?? DeactivationReason.ApplicationRequested;
        try
        {
            await _grain!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogDeactivationFailed(Id, exception);
        }

        Runtime.Catalog.Remove(this);
        GrainRequest[] handedOn;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            handedOn = [.. _waiting];
            _waiting.Clear();
        }

        // Queued calls go wherever the grain lives now (another silo if its partition moved); timer ticks die with the activation.
        foreach (var request in handedOn)
        {
            if (!request.IsAnswered && request.Method is not null)
            {
                Runtime.Send(request);
            }
        }

        _deactivated.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of {GrainId} failed")]
    private partial void LogActivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "OnDeactivateAsync of {GrainId} failed")]
    private partial void LogDeactivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn of {GrainId} threw outside any request")]
    private partial void LogTurnFailed(GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} on {GrainId} failed and nobody awaited it")]
    private partial void LogUnobservedFailure(GrainId grainId, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} found its stored state changed by someone else; deactivating it")]
    private partial void LogInconsistentState(GrainId grainId, Exception exception);

    private enum ReceiveAction
    {
        Queue,
        Start,
        Activate,
        Forward,
    }
}
