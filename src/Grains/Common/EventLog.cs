namespace Helpdesk.Grains.Common;

/// <summary>A grain's last events in memory, each with a growing id, and a long poll for the next ones.</summary>
/// <remarks>
/// Ids start from the clock (milliseconds × 1000), so a reader that resumes after the grain restarted never sees
/// them go back. Not thread-safe: an activation runs one turn at a time, and continuations come back to it.
/// </remarks>
/// <typeparam name="T">The event; it carries the id it was given.</typeparam>
internal sealed class EventLog<T>
{
    /// <summary>The longest a wait lasts once the silo has begun to stop.</summary>
    private static readonly TimeSpan WhileStopping = TimeSpan.FromMilliseconds(250);

    private readonly List<(long Id, T Event)> _events = [];
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private TaskCompletionSource _added = NewSignal();

    /// <summary>An empty log keeping the last <paramref name="capacity"/> events.</summary>
    /// <param name="capacity">How many events it keeps.</param>
    /// <param name="time">The clock its ids start from and its waits run on.</param>
    /// <param name="stopping">Ends every wait, and keeps new ones to a quarter of a second, once the silo begins to stop: a
    /// wait still open would hold its grain's hand-over to another silo, and so the stop, for as long as it lasts.</param>
    public EventLog(int capacity, TimeProvider time, CancellationToken stopping = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _time = time;
        _stopping = stopping;
        LastId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    /// <summary>The id of the last event added, or the starting point when none was.</summary>
    public long LastId { get; private set; }

    /// <summary>Adds the event <paramref name="create"/> makes with the next id, drops the oldest beyond capacity, and wakes the waiters.</summary>
    public T Add(Func<long, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var added = create(++LastId);
        _events.Add((LastId, added));
        if (_events.Count > _capacity)
        {
            _events.RemoveRange(0, _events.Count - _capacity);
        }

        var signal = _added;
        _added = NewSignal();
        signal.TrySetResult();
        return added;
    }

    /// <summary>The events kept with an id above <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<T> After(long after)
    {
        var first = _events.Count;
        while (first > 0 && _events[first - 1].Id > after)
        {
            first--;
        }

        return [.. _events.Skip(first).Select(entry => entry.Event)];
    }

    /// <summary>The events after <paramref name="after"/>; when there are none, waits up to <paramref name="wait"/> for one, or until <paramref name="cancellationToken"/> ends the wait.</summary>
    /// <remarks>
    /// Call it from a method marked <c>[AlwaysInterleave]</c>, so the wait holds nothing back, the events it waits for least
    /// of all. A caller that goes away cancels, and the silo beginning to stop ends the wait: a wait still open would hold
    /// its grain's deactivation, and so a silo's stop.
    /// </remarks>
    public async Task<IReadOnlyList<T>> WaitAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (wait > TimeSpan.Zero && (_events.Count == 0 || _events[^1].Id <= after))
        {
            // While the silo stops, a short wait: long enough that a reader calling again at once does not spin, short
            // enough that the grain hands over with its silo's stop.
            var stopping = _stopping.IsCancellationRequested;
            using var stop = stopping ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
            await Task.WhenAny(_added.Task, Task.Delay(stopping && wait > WhileStopping ? WhileStopping : wait, _time, stop.Token));
            // An event, or the caller, ended the wait: drop the delay's timer now rather than when it would have fired.
            await stop.CancelAsync();
        }

        return After(after);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
