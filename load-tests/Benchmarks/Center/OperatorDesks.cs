using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;

namespace Helpdesk.Benchmarks.Center;

/// <summary>Every operator's desktop: it watches the operator's events, accepts each offer, and completes the contact after a handle time.</summary>
/// <remarks>
/// Offers reach a desk the way they reach a real desktop, from the operator's event stream, whether the contact was
/// offered at creation or later from a queue; so capacity frees up and contacts keep being offered.
/// </remarks>
internal sealed class OperatorDesks : IDisposable
{
    /// <summary>How long one watch waits for an event; also how long stopping may take.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly IGrainFactory _grains;
    private readonly TimeSpan _handleTime;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _watchers;
    private int _pending = 1;
    private int _inProgress;
    private int _peak;
    private long _accepted;
    private long _completed;
    private long _refused;
    private int _failed;
    private Exception? _firstFailure;

    private OperatorDesks(IGrainFactory grains, TimeSpan handleTime)
    {
        _grains = grains;
        _handleTime = handleTime;
        _watchers = [.. CallCenter.Seats.Select(seat => WatchAsync(CallCenter.OperatorId(seat.Department, seat.Seat)))];
    }

    /// <summary>Opens a desk for every operator of the <see cref="CallCenter"/>.</summary>
    public static OperatorDesks Open(IGrainFactory grains, TimeSpan handleTime) => new(grains, handleTime);

    /// <summary>Stops watching, lets the contacts in hand be completed, and says what the desks did.</summary>
    public async Task<DeskFigures> CloseAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_watchers).WaitAsync(Wait + DrainLimit);
            Release();
            await _drained.Task.WaitAsync(_handleTime + DrainLimit);
        }
        catch (TimeoutException exception)
        {
            throw new BenchmarkException($"The operators' desks had not finished {DrainLimit.TotalSeconds:F0} s after they were closed ({Volatile.Read(ref _pending)} contacts still in hand): some accept or complete hangs.", exception);
        }

        if (_firstFailure is { } failure)
        {
            throw new BenchmarkException($"{_failed} calls of the operators' desks failed; the first failure follows.", failure);
        }

        return new DeskFigures(Interlocked.Read(ref _accepted), Interlocked.Read(ref _completed), Interlocked.Read(ref _refused), Volatile.Read(ref _peak));
    }

    /// <summary>Stops watching without waiting, when a suite ends early.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task WatchAsync(string operatorId)
    {
        var desk = _grains.GetGrain<IOperatorGrain>(operatorId);
        var after = 0L;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var change in await desk.WatchAsync(after, Wait))
                {
                    after = Math.Max(after, change.Id);
                    if (change is { Type: "offer", Offer: { } offer })
                    {
                        Interlocked.Increment(ref _pending);
                        _ = HandleAsync(operatorId, offer.ContactId);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
    }

    private async Task HandleAsync(string operatorId, string contactId)
    {
        try
        {
            var contact = _grains.GetGrain<IContactGrain>(contactId);
            if ((await contact.AcceptAsync(operatorId)).Status != ReplyStatus.Ok)
            {
                Interlocked.Increment(ref _refused);
                return;
            }

            Interlocked.Increment(ref _accepted);
            var inProgress = Interlocked.Increment(ref _inProgress);
            for (var peak = Volatile.Read(ref _peak); inProgress > peak; peak = Volatile.Read(ref _peak))
            {
                Interlocked.CompareExchange(ref _peak, inProgress, peak);
            }

            await Task.Delay(_handleTime);
            var completed = await contact.ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, operatorId));
            Interlocked.Decrement(ref _inProgress);
            if (completed.Status == ReplyStatus.Ok)
            {
                Interlocked.Increment(ref _completed);
            }
            else
            {
                Interlocked.Increment(ref _refused);
            }
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
        finally
        {
            Release();
        }
    }

    private void Fail(Exception exception)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstFailure, exception, null);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
