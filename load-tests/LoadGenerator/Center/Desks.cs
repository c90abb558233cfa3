using System.Collections.Concurrent;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>Every operator's desktop, what they share, and what they did.</summary>
internal sealed class Desks
{
    private const int DuplicatesKept = 1_000;

    private readonly List<OperatorDesk> _desks;
    private readonly List<Task> _watchers = [];
    private readonly ConcurrentQueue<string> _duplicates = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = 1;
    private int _stopped;
    private long _accepted;
    private long _tasks;
    private long _refused;
    private long _gaveUp;
    private long _reconnects;
    private long _restores;

    public Desks(ApiClient api, CenterPlan plan, ContactLedger ledger, HoldLog holds, Customers customers, TimeSpan handleTime, CancellationToken stopping)
    {
        Api = api;
        Plan = plan;
        Ledger = ledger;
        Holds = holds;
        Customers = customers;
        HandleTime = handleTime;
        Stopping = stopping;
        _desks = [.. plan.Operators.Select(operatorPlan => new OperatorDesk(operatorPlan, this))];
    }

    public ApiClient Api { get; }

    public CenterPlan Plan { get; }

    public ContactLedger Ledger { get; }

    public HoldLog Holds { get; }

    public Customers Customers { get; }

    /// <summary>The mean handle time.</summary>
    public TimeSpan HandleTime { get; }

    /// <summary>Cancelled when the desks close: streams end, contacts in hand are left where they are.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Offers an operator's stream announced again while the desktop still had the first open or held it.</summary>
    public IReadOnlyList<string> ReannouncedOffers => [.. _duplicates];

    public long AcceptedCount => Interlocked.Read(ref _accepted);

    /// <summary>Accepted contacts the run did not create: the center's own tasks, such as callbacks of abandoned calls.</summary>
    public long Tasks => Interlocked.Read(ref _tasks);

    /// <summary>Accepts refused: the offer lapsed, was withdrawn, or the customer gave up first.</summary>
    public long RefusedAccepts => Interlocked.Read(ref _refused);

    /// <summary>Accepts that got no answer through every retry.</summary>
    public long AcceptsGivenUp => Interlocked.Read(ref _gaveUp);

    /// <summary>Times an event stream broke and was opened again.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Times an operator left "not responding" by an offer that lapsed was set available again.</summary>
    public long PresenceRestores => Interlocked.Read(ref _restores);

    /// <summary>Offers being handled now.</summary>
    public int InHand => Math.Max(0, Volatile.Read(ref _pending) - (Volatile.Read(ref _stopped) == 0 ? 1 : 0));

    /// <summary>Opens every desk's event stream and waits until all are connected.</summary>
    public async Task OpenAsync(TimeSpan limit)
    {
        foreach (var desk in _desks)
        {
            _watchers.Add(Task.Run(() => desk.WatchAsync(Stopping), CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(_desks.Select(desk => desk.Connected)).WaitAsync(limit, Stopping);
        }
        catch (TimeoutException exception)
        {
            var missing = _desks.Where(desk => !desk.Connected.IsCompleted).Select(desk => desk.Id).ToList();
            throw new LoadRunException($"{missing.Count} of {_desks.Count} operators' event streams had not opened within {limit.TotalSeconds:0} s (first: {missing[0]}); see the failed GET /api/operators/{{id}}/events calls.", exception);
        }
    }

    /// <summary>Waits, after <see cref="Stopping"/> was cancelled, until every stream and every offer in hand has ended.</summary>
    public async Task CloseAsync(TimeSpan limit)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            Release();
        }

        try
        {
            await Task.WhenAll(_watchers).WaitAsync(limit);
            await _idle.Task.WaitAsync(limit);
        }
        catch (TimeoutException exception)
        {
            throw new LoadRunException($"The operators' desktops had not stopped {limit.TotalSeconds:0} s after they were closed ({InHand} offers still in hand): some call ignores cancellation.", exception);
        }
    }

    /// <summary>Runs <paramref name="work"/> in the background, counted as in hand until it ends.</summary>
    public void Handle(Func<Task> work)
    {
        Interlocked.Increment(ref _pending);
        _ = RunAsync(work);
    }

    public void OfferAnnouncedAgain(string contactId, string description)
    {
        Ledger.Suspect(contactId);
        if (_duplicates.Count < DuplicatesKept)
        {
            _duplicates.Enqueue(description);
        }
    }

    public void Accepted(ContactRecord? record) => Interlocked.Increment(ref record is null ? ref _tasks : ref _accepted);

    public void AcceptRefused(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Interlocked.Increment(ref answer.GaveUp ? ref _gaveUp : ref _refused);
    }

    public void Reconnecting() => Interlocked.Increment(ref _reconnects);

    public void PresenceRestored(bool restored)
    {
        if (restored)
        {
            Interlocked.Increment(ref _restores);
        }
    }

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
            // Closed while in hand: the final check finds the contact where it was left.
        }
        catch (Exception exception)
        {
            Ledger.Note($"a desktop's work failed: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _idle.TrySetResult();
        }
    }
}
