using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Invocation;

/// <summary>One message to an activation: a method call, a timer tick or a reminder delivery.</summary>
internal abstract class GrainRequest(GrainId target, long deadlineTicks, bool keepsAlive)
{
    private Action? _onInvokeCompleted;
    private Task? _invocation;

    public GrainId Target { get; } = target;

    /// <summary>UTC ticks after which the caller has been told the call timed out.</summary>
    public long DeadlineTicks { get; } = deadlineTicks;

    /// <summary>Whether this request counts as activity that keeps the activation from idle collection.</summary>
    public bool KeepsAlive { get; } = keepsAlive;

    public GrainActivation? Activation { get; private set; }

    /// <summary>When this silo received the request (<see cref="TimeProvider.GetTimestamp"/>), for the call duration metric.</summary>
    public long ReceivedTimestamp { get; set; }

    /// <summary>Whether the caller was answered with a timeout.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>Answers the caller with a timeout error.</summary>
    public void TimeOut(TimeSpan timeout)
    {
        TimedOut = true;
        Fail(new GrainCallTimeoutException(Target, MethodName, timeout));
    }

    /// <summary>The interface method called, for requests that may travel to another silo; timer ticks have none.</summary>
    public GrainMethod? Method { get; init; }

    /// <summary>The task the caller awaits, or <see langword="null"/> for a one-way call.</summary>
    public abstract Task? CallerTask { get; }

    public abstract object?[] Arguments { get; }

    /// <summary>Answers the caller with a result that came back from another silo.</summary>
    public abstract void SetResult(object? value);

    /// <summary>The result of a completed <see cref="CallerTask"/>, boxed, for sending back to another silo.</summary>
    public abstract object? ResultOf(Task completed);

    /// <summary>Whether the caller already has its answer (for example a timeout), so the call need not run.</summary>
    public abstract bool IsAnswered { get; }

    public abstract string MethodName { get; }

    /// <summary>Whether someone waits for the outcome; failures of requests nobody waits for are only logged.</summary>
    public abstract bool HasCaller { get; }

    /// <summary>Runs the call on the grain; called on the activation.</summary>
    protected abstract Task Invoke(object grain);

    /// <summary>Hands the finished invocation's outcome to the caller.</summary>
    protected abstract void Answer(Task invocation);

    public abstract void Fail(Exception exception);

    /// <summary>Starts the call as a turn of <paramref name="activation"/>; the activation learns when it finishes.</summary>
    public void Start(GrainActivation activation, object grain)
    {
        Activation = activation;
        Task invocation;
        try
        {
            invocation = Invoke(grain);
        }
        catch (Exception exception)
        {
            invocation = Task.FromException(exception);
        }

        if (invocation.IsCompleted)
        {
            Finish(invocation);
            return;
        }

        _invocation = invocation;
        // Captures the activation's synchronization context, so completion is handled as a turn of the activation.
        invocation.GetAwaiter().UnsafeOnCompleted(_onInvokeCompleted ??= OnInvokeCompleted);
    }

    private void OnInvokeCompleted() => Finish(_invocation!);

    private void Finish(Task invocation)
    {
        Answer(invocation);
        Activation!.OnRequestFinished(this, invocation);
    }
}

/// <summary>A request whose caller waits for a <typeparamref name="T"/>.</summary>
internal sealed class GrainRequest<T>(
    GrainId target,
    long deadlineTicks,
    bool keepsAlive,
    string methodName,
    Func<object, object?[], Task> invoker,
    Func<Task, T> result,
    object?[] arguments,
    bool oneWay)
    : GrainRequest(target, deadlineTicks, keepsAlive)
{
    private readonly TaskCompletionSource<T>? _answer =
        oneWay ? null : new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task? CallerTask => _answer?.Task;

    public override object?[] Arguments => arguments;

    public override bool IsAnswered => _answer is { Task.IsCompleted: true };

    public override string MethodName => methodName;

    public override bool HasCaller => _answer is not null;

    protected override Task Invoke(object grain) => invoker(grain, arguments);

    protected override void Answer(Task invocation)
    {
        if (_answer is null)
        {
            return;
        }

        if (invocation.IsCompletedSuccessfully)
        {
            _answer.TrySetResult(result(invocation));
        }
        else if (invocation.IsCanceled)
        {
            _answer.TrySetCanceled();
        }
        else
        {
            _answer.TrySetException(invocation.Exception!.InnerExceptions.Count == 1
                ? invocation.Exception.InnerException!
                : invocation.Exception);
        }
    }

    public override void Fail(Exception exception) => _answer?.TrySetException(exception);

    public override void SetResult(object? value) => _answer?.TrySetResult(value is null ? default! : (T)value);

    public override object? ResultOf(Task completed) => ((Task<T>)completed).Result;
}
