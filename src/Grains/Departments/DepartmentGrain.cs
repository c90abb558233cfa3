using Helpdesk.Grains.Board;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Diagnostics;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Departments;

/// <summary>Routes a department's contacts from a live view of its members, and keeps the ones that wait.</summary>
/// <remarks>
/// A decision never fans out: the department ranks candidates from the views operators push to it, reserves the
/// best with one call, and tries the next when the operator's own state refuses. Whenever a member frees up the
/// queue is dispatched at once (work conservation); while contacts wait a one-second tick applies the escalation
/// steps and dispatches again.
/// </remarks>
[GrainType("department")]
internal sealed class DepartmentGrain(
    [PersistentState("department")] IPersistentState<DepartmentState> state,
    RoutingPolicy policy,
    SlaPolicy defaultSla,
    HelpdeskInstruments instruments,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IDepartmentGrain
{
    private const int CandidatesExplained = 5;

    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How soon a change shows on the board: every change made meanwhile goes up with it.</summary>
    private static readonly TimeSpan BoardDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a tile goes up again while figures of the last minutes (arrivals, answers) age out of it.</summary>
    private static readonly TimeSpan BoardRefresh = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, MemberView> _members = new(StringComparer.Ordinal);
    private LoadMeter _meter = new(TimeSpan.FromSeconds(20));
    private IGrainTimer? _tick;
    private bool _freed;
    private bool _membersSeen;
    private int _queueReported;
    private IGrainTimer? _boardTimer;
    private DateTimeOffset? _boardDue;

    private DepartmentState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Settings is null)
        {
            return Task.CompletedTask;
        }

        _meter = new LoadMeter(S.Settings.ServiceLevelTarget);
        ReportQueue();
        ShowOnBoard(BoardDelay);
        if (S.Queue.Count > 0 || S.Roster.Count > 0)
        {
            // The first tick, at once, learns the members' views and dispatches.
            StartTicking();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The queue's contacts are counted by the silo that activates the department next.
        instruments.QueueChanged(Id, -_queueReported);
        _queueReported = 0;
        return Task.CompletedTask;
    }

    public async Task<Reply<DepartmentSnapshot>> CreateAsync(DepartmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (S.Settings is not null)
        {
            return Reply<DepartmentSnapshot>.Conflict($"Department {Id} exists already.");
        }

        S.Settings = settings;
        S.Version = 1;
        _meter = new LoadMeter(settings.ServiceLevelTarget);
        await SaveAsync();
        return Reply<DepartmentSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<DepartmentSnapshot>> UpdateAsync(DepartmentSettings settings, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (S.Settings is null)
        {
            return Reply<DepartmentSnapshot>.NotFound("No such department.");
        }

        if (S.RetiredAt is { } retired)
        {
            return Reply<DepartmentSnapshot>.Conflict($"Department {Id} was retired at {retired:u}; its history stays readable.");
        }

        if (expectedVersion is { } expected && expected != S.Version)
        {
            return Reply<DepartmentSnapshot>.Stale(expected, S.Version);
        }

        if (settings.ServiceLevelTarget != S.Settings.ServiceLevelTarget)
        {
            // The live figures are measured against the target; they start again, as after a reactivation.
            _meter = new LoadMeter(settings.ServiceLevelTarget);
        }

        S.Settings = settings;
        S.Version++;
        await SaveAsync();
        if (S.Queue.Count > 0)
        {
            await DispatchAsync();
        }

        return Reply<DepartmentSnapshot>.Ok(Snapshot());
    }

    public Task<bool> ExistsAsync() => Task.FromResult(S.Settings is not null && S.RetiredAt is null);

    public async Task<Reply<DepartmentSnapshot>> RetireAsync(string drainTo, string by)
    {
        if (S.Settings is null)
        {
            return Reply<DepartmentSnapshot>.NotFound("No such department.");
        }

        if (S.RetiredAt is null)
        {
            var waiting = S.Queue.ToList();
            S.RetiredAt = time.GetUtcNow();
            S.DrainedTo = drainTo;
            S.Queue.Clear();
            await SaveAsync();
            ReportQueue();

            // Written first, then told: each contact places itself in the other department, as an escalation moves it.
            foreach (var contact in waiting)
            {
                _ = GrainFactory.GetGrain<IContactGrain>(contact.ContactId).MovedAsync(drainTo, $"department {Id} was retired by {by}: moved to {drainTo}");
            }
        }

        return Reply<DepartmentSnapshot>.Ok(Snapshot());
    }

    public Task<SlaPolicy?> SlaAsync() => Task.FromResult(S.Settings is null ? null : S.Settings.Sla ?? defaultSla);

    public async Task<Reply<DepartmentSnapshot>> GetAsync()
    {
        await SeeMembersAsync();
        return S.Settings is null ? Reply<DepartmentSnapshot>.NotFound("No such department.") : Reply<DepartmentSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<Placement>> PlaceAsync(WaitingContact contact, Line? fallback)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (S.Settings is null)
        {
            return Reply<Placement>.NotFound($"No department {Id}.");
        }

        if (S.RetiredAt is not null)
        {
            // A contact of this department coming back (an offer declined or lapsed) goes where its queue went. New contacts
            // never get here: a retired department does not answer as existing.
            return await GrainFactory.GetGrain<IDepartmentGrain>(S.DrainedTo!).PlaceAsync(contact, fallback);
        }

        var now = time.GetUtcNow();
        _meter.Arrived(now);
        string? note = null;
        if (_membersSeen && fallback is { } firstLine && contact.Line > firstLine
            && Saturation.IsSaturated(contact.Line, contact.Channel, [.. _members.Values.Where(member => contact.Admits(member.Line))], S.Queue))
        {
            contact = contact with { Line = firstLine, MaxLine = firstLine };
            note = $"specialists of {Id} are saturated: fell back to {firstLine}";
        }

        var (operatorId, selection) = await OfferAsync(contact, now);
        if (operatorId is not null)
        {
            await DispatchIfFreedAsync();
            return Reply<Placement>.Ok(new Placement(Id, contact.Line, operatorId, selection.Rule, Explained(selection), null, note));
        }

        S.Queue.Add(contact);
        await SaveAsync();
        StartTicking();
        await DispatchIfFreedAsync();
        var position = QueueOrder.InServingOrder(S.Queue, now, policy).TakeWhile(waiting => waiting.ContactId != contact.ContactId).Count() + 1;
        return Reply<Placement>.Ok(new Placement(Id, contact.Line, null, selection.Rule, Explained(selection), position > S.Queue.Count ? null : position, note));
    }

    public async Task<bool> WithdrawAsync(string contactId)
    {
        if (S.Queue.RemoveAll(waiting => waiting.ContactId == contactId) == 0)
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    public async Task MemberChangedAsync(MemberView view, bool home)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (S.Settings is null)
        {
            return;
        }

        await SeeMembersAsync();
        if (!_members.TryGetValue(view.OperatorId, out var known) || known.Version <= view.Version)
        {
            Remember(view);
        }

        if (S.Roster.TryAdd(view.OperatorId, home))
        {
            await SaveAsync();
        }

        await DispatchIfFreedAsync();
        ShowOnBoard(BoardDelay);
    }

    public async Task MemberLeftAsync(string operatorId)
    {
        _members.Remove(operatorId);
        if (S.Roster.Remove(operatorId))
        {
            await SaveAsync();
        }

        ShowOnBoard(BoardDelay);
    }

    public Task HandledAsync(TimeSpan duration)
    {
        _meter.Handled(duration);
        return Task.CompletedTask;
    }

    public Task AbandonedAsync(string contactId, TimeSpan waited)
    {
        var now = time.GetUtcNow();
        _meter.Abandoned(now, waited);
        S.Today = (S.Today ?? DayTally.Empty(now)).Abandon(now);
        ShowOnBoard(BoardDelay);
        return Task.CompletedTask;
    }

    public Task AnsweredAsync(string contactId, TimeSpan waited)
    {
        var now = time.GetUtcNow();
        _meter.Answered(now, waited);
        if (S.Settings is { } settings)
        {
            S.Today = (S.Today ?? DayTally.Empty(now)).Answer(now, waited, settings.ServiceLevelTarget);
        }

        ShowOnBoard(BoardDelay);
        return Task.CompletedTask;
    }

    public Task ShowOnBoardAsync()
    {
        ShowOnBoard(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>Asks the roster's operators for their views, once an activation: by the first tick, or a call that needs them first.</summary>
    /// <remarks>
    /// Not while activating: a department handed over by a stopping silo activates while its members' own hand-over
    /// may wait for that activation to end, and a call to them from there waited out the call timeout (30 s) and held the
    /// silo's stop with it. Nor before a placement: a contact placed before the views arrive waits in the queue, and the
    /// tick that brings them dispatches it. A call that fails here fails its request (or tick), and the next asks again.
    /// </remarks>
    private async Task SeeMembersAsync()
    {
        if (_membersSeen || S.Settings is null)
        {
            return;
        }

        var views = await Task.WhenAll(S.Roster.Keys.Select(id => GrainFactory.GetGrain<IOperatorGrain>(id).ViewAsync()));
        foreach (var view in views.OfType<MemberView>())
        {
            _members[view.OperatorId] = view;
        }

        _membersSeen = true;
    }

    /// <summary>Ranks the free members for <paramref name="contact"/> and reserves the first who accepts the reservation.</summary>
    private async Task<(string? OperatorId, Selection Selection)> OfferAsync(WaitingContact contact, DateTimeOffset now)
    {
        var selection = OperatorSelector.Choose(contact, _members.Values, S.Settings!.Strategy, policy, now, S.LastAssigned);
        var offer = new Offer(contact.ContactId, contact.CustomerId, Id, contact.Channel, contact.Priority, contact.Difficulty, now + policy.OfferTimeout);
        foreach (var candidate in selection.Ranked)
        {
            var result = await GrainFactory.GetGrain<IOperatorGrain>(candidate.OperatorId).ReserveAsync(offer);
            if (result.View is { } view)
            {
                Remember(view);
            }

            if (result.Reserved)
            {
                S.LastAssigned = candidate.OperatorId;
                return (candidate.OperatorId, selection);
            }
        }

        return (null, selection.Ranked.Count == 0 ? selection : Selection.Wait($"every candidate was taken meanwhile ({selection.Rule})"));
    }

    /// <summary>Stores a member's view, noting when it shows capacity the department did not know of.</summary>
    private void Remember(MemberView view)
    {
        if (_members.TryGetValue(view.OperatorId, out var known)
            ? view.FreeCapacity.Any(free => free.Value > known.FreeCapacity.GetValueOrDefault(free.Key)) || (view.CanTakeAny() && !known.CanTakeAny())
            : view.CanTakeAny())
        {
            _freed = true;
        }

        _members[view.OperatorId] = view;
    }

    /// <summary>Dispatches when a reservation's answer showed capacity freed by a change whose push is still on its way.</summary>
    private Task DispatchIfFreedAsync() => _freed && S.Queue.Count > 0 ? DispatchAsync() : Task.CompletedTask;

    /// <summary>Offers waiting contacts, best first, to whoever can take them now.</summary>
    /// <remarks>
    /// Passes repeat while they place something: a reservation's answer can show capacity freed meanwhile, which
    /// a contact passed over earlier in the pass may use.
    /// </remarks>
    private async Task DispatchAsync()
    {
        _freed = false;
        var now = time.GetUtcNow();
        var placed = 0;
        int before;
        do
        {
            before = placed;
            foreach (var contact in QueueOrder.InServingOrder(S.Queue, now, policy).ToList())
            {
                if (!_members.Values.Any(member => member.CanTake(contact.Channel)))
                {
                    continue;
                }

                var (operatorId, selection) = await OfferAsync(contact, now);
                if (operatorId is null)
                {
                    continue;
                }

                S.Queue.RemoveAll(waiting => waiting.ContactId == contact.ContactId);
                placed++;
                _ = GrainFactory.GetGrain<IContactGrain>(contact.ContactId)
                    .OfferedAsync(new Placement(Id, contact.Line, operatorId, selection.Rule, Explained(selection), null));
            }
        }
        while (placed > before && S.Queue.Count > 0);

        if (placed > 0)
        {
            await SaveAsync();
        }
    }

    /// <summary>Applies due escalation steps, moves contacts to neighbouring departments, then dispatches.</summary>
    private async Task TickAsync()
    {
        await SeeMembersAsync();
        var now = time.GetUtcNow();
        var changed = false;
        for (var i = S.Queue.Count - 1; i >= 0; i--)
        {
            var contact = S.Queue[i];
            foreach (var step in Escalation.Due(contact, S.Settings!.Escalation, now).ToList())
            {
                contact = Escalation.Apply(contact, step);
                changed = true;
                if (step is { Action: EscalationAction.NeighbourDepartment, Department: { } neighbour })
                {
                    S.Queue.RemoveAt(i);
                    _ = GrainFactory.GetGrain<IContactGrain>(contact.ContactId).MovedAsync(neighbour, $"waited {step.After.TotalSeconds:0} s in {Id}: escalated to neighbouring department {neighbour}");
                    contact = null;
                    break;
                }
            }

            if (contact is not null)
            {
                S.Queue[i] = contact;
            }
        }

        if (changed)
        {
            await SaveAsync();
        }

        await DispatchAsync();
        if (S.Queue.Count == 0)
        {
            _tick?.Dispose();
            _tick = null;
        }

        // The longest wait grows by the second.
        ShowOnBoard(BoardDelay);
    }

    /// <summary>The best candidates, enough to explain a decision without storing a department's whole roster per step.</summary>
    private static IReadOnlyList<Candidate> Explained(Selection selection) =>
        selection.Ranked.Count <= CandidatesExplained ? selection.Ranked : [.. selection.Ranked.Take(CandidatesExplained)];

    /// <summary>Writes the state, then tells the queue-length metric and the board how it changed.</summary>
    private async Task SaveAsync()
    {
        await state.SaveAsync(DeactivateOnIdle);
        ReportQueue();
        ShowOnBoard(BoardDelay);
    }

    /// <summary>Puts the tile up on the board after <paramref name="delay"/>, or sooner when it is due sooner already.</summary>
    private void ShowOnBoard(TimeSpan delay)
    {
        if (S.Settings is null)
        {
            return;
        }

        var due = time.GetUtcNow() + delay;
        if (_boardDue <= due)
        {
            return;
        }

        _boardDue = due;
        _boardTimer ??= this.RegisterGrainTimer(_ => PutUpTileAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _boardTimer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private Task PutUpTileAsync()
    {
        _boardDue = null;
        var now = time.GetUtcNow();
        var load = _meter.Figures(now, [.. _members.Values], S.Queue);
        if (load.ArrivalsPerMinute > 0 || load.Answered > 0 || load.Abandoned > 0)
        {
            ShowOnBoard(BoardRefresh);
        }

        var waiting = QueueOrder.InServingOrder(S.Queue, now, policy).Take(BoardDepartment.WaitingShown).Select(contact => Queued(contact, now));
        var tile = new BoardDepartment(Id, S.Settings!.Name, S.RetiredAt, load, (S.Today ?? DayTally.Empty(now)).On(now), [.. waiting]);
        return GrainFactory.GetGrain<IBoardGrain>(IBoardGrain.Center).DepartmentChangedAsync(tile);
    }

    private static QueuedContact Queued(WaitingContact contact, DateTimeOffset now) =>
        new(contact.ContactId, contact.Channel, contact.Priority, contact.Line, (now - contact.ArrivedAt).TotalSeconds);

    private void ReportQueue()
    {
        instruments.QueueChanged(Id, S.Queue.Count - _queueReported);
        _queueReported = S.Queue.Count;
    }

    /// <summary>Ticks every second while contacts wait; at once when the members' views are still to be learned.</summary>
    private void StartTicking() => _tick ??= this.RegisterGrainTimer(_ => TickAsync(), _membersSeen ? TickPeriod : TimeSpan.Zero, TickPeriod);

    private DepartmentSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var members = _members.Values.ToList();
        return new DepartmentSnapshot(
            Id,
            S.Settings!,
            [.. S.Roster.Select(member => _members.TryGetValue(member.Key, out var view)
                ? new MemberSummary(member.Key, view.Line, member.Value, view.Presence, view.ActiveContacts, view.DifficultyLoad, view.FreeCapacity)
                : new MemberSummary(member.Key, Line.L1, member.Value, Presence.Offline, 0, 0, new Dictionary<Channel, int>()))
                .OrderBy(member => member.OperatorId, StringComparer.Ordinal)],
            [.. QueueOrder.InServingOrder(S.Queue, now, policy).Select(contact => Queued(contact, now))],
            _meter.Figures(now, members, S.Queue),
            S.Version,
            S.RetiredAt,
            S.DrainedTo);
    }
}
