namespace Helpdesk.Grains.Common;

/// <summary>A grain's last events in memory, each with a growing id, and a long poll for the next ones.</summary>
/// <remarks>
/// Ids start from the clock (milliseconds × 1000), so a reader that resumes after the grain restarted never sees
/// them go back. Not thread-safe: an activation runs one turn at a time, and continuations come back to it.
/// </remarks>
/// <typeparam name="T">The event; it carries the id it was given.</typeparam>
internal sealed class EventLog<T>
{
    private readonly List<(long Id, T Event)> _events = [];
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private TaskCompletionSource _added = NewSignal();

    /// <summary>An empty log keeping the last <paramref name="capacity"/> events.</summary>
    public EventLog(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _time = time;
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
    /// of all. A caller that goes away cancels: a wait still open would hold its grain's deactivation, and so a silo's stop.
    /// </remarks>
    public async Task<IReadOnlyList<T>> WaitAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (wait > TimeSpan.Zero && (_events.Count == 0 || _events[^1].Id <= after))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(_added.Task, Task.Delay(wait, _time, stop.Token));
            // An event, or the caller, ended the wait: drop the delay's timer now rather than when it would have fired.
            await stop.CancelAsync();
        }

        return After(after);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
