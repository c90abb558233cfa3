using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Tests.Activation;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Enters, yields to the scheduler twice, and leaves; reports how many turns were inside at once.</summary>
    Task<int> OverlapAsync();

    Task<int> CallsAsync();

    Task<bool> ContinuesOnActivationAsync();

    Task ThrowAsync(string message);

    Task ThrowAfterAwaitAsync(string message);

    Task CallPeerAsync(string peerKey, int hops);

    Task EnterAsync();

    Task OpenAsync();

    [OneWay]
    Task NotifyAsync(string message);

    Task LeaveAsync();

    Task<string> ActivationAsync();

    /// <summary>Works until the probe's gate opens.</summary>
    Task WorkAsync();

    /// <summary>Calls the grain it is handed and returns that grain's activation id.</summary>
    Task<string> AskAsync(ITurnGrain peer);
}

public sealed class TurnGrain(Probe probe) : Grain, ITurnGrain
{
    private readonly string _activation = Guid.NewGuid().ToString("N");
    private TaskCompletionSource _gate = new();
    private int _inside;
    private int _maxInside;
    private int _calls;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate {GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }

    public async Task<int> OverlapAsync()
    {
        _maxInside = Math.Max(_maxInside, ++_inside);
        await Task.Yield();
        await Task.Run(() => { });
        _maxInside = Math.Max(_maxInside, _inside);
        _inside--;
        _calls++;
        return _maxInside;
    }

    public Task<int> CallsAsync() => Task.FromResult(_calls);

    public async Task<bool> ContinuesOnActivationAsync()
    {
        var before = SynchronizationContext.Current;
        await Task.Run(async () => await Task.Yield());
        return before is not null && ReferenceEquals(before, SynchronizationContext.Current);
    }

    public Task ThrowAsync(string message) => throw new ArgumentOutOfRangeException(nameof(message), message);

    public async Task ThrowAfterAwaitAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task CallPeerAsync(string peerKey, int hops) =>
        hops == 0 ? Task.CompletedTask : GrainFactory.Get<ITurnGrain>(peerKey).CallPeerAsync(GetPrimaryKeyString(), hops - 1);

    public Task EnterAsync() => _gate.Task;

    public Task OpenAsync()
    {
        _gate.TrySetResult();
        _gate = new TaskCompletionSource();
        return Task.CompletedTask;
    }

    public async Task NotifyAsync(string message)
    {
        await probe.Gate.Task;
        probe.Record($"notified {message}");
    }

    public Task LeaveAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> ActivationAsync() => Task.FromResult(_activation);

    public Task<string> AskAsync(ITurnGrain peer) => peer.ActivationAsync();

    public async Task WorkAsync()
    {
        _maxInside = Math.Max(_maxInside, ++_inside);
        probe.Record("work started");
        await probe.Gate.Task;
        probe.Record("work done");
        _inside--;
    }
}

public interface IReentrantGrain : IGrainWithStringKey
{
    Task<int> EnterAsync();

    Task OpenAsync();
}

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private readonly TaskCompletionSource _gate = new();
    private int _inside;
    private int _maxInsideOneTurn;

    public async Task<int> EnterAsync()
    {
        _maxInsideOneTurn = Math.Max(_maxInsideOneTurn, Interlocked.Increment(ref _inside));
        Interlocked.Decrement(ref _inside);
        await _gate.Task;
        return _maxInsideOneTurn;
    }

    public Task OpenAsync()
    {
        _maxInsideOneTurn = Math.Max(_maxInsideOneTurn, Interlocked.Increment(ref _inside));
        Interlocked.Decrement(ref _inside);
        _gate.TrySetResult();
        return Task.CompletedTask;
    }
}

public interface IMailboxGrain : IGrainWithStringKey
{
    /// <summary>Waits, without holding the grain, until a message is posted; returns it.</summary>
    [AlwaysInterleave]
    Task<string> WaitAsync();

    Task PostAsync(string message);

    /// <summary>Holds the grain until the probe's gate opens.</summary>
    Task WorkAsync();
}

public sealed class MailboxGrain(Probe probe) : Grain, IMailboxGrain
{
    private TaskCompletionSource<string> _message = new();

    public Task<string> WaitAsync() => _message.Task;

    public Task PostAsync(string message)
    {
        probe.Record($"post {message}");
        _message.TrySetResult(message);
        _message = new TaskCompletionSource<string>();
        return Task.CompletedTask;
    }

    public async Task WorkAsync()
    {
        probe.Record("work started");
        await probe.Gate.Task;
        probe.Record("work done");
    }
}
