using Helpdesk.Grains.Board;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Diagnostics;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Grains.Operators;

/// <summary>Holds an operator's presence and contacts, times their offers and wrap-up, and tells their departments.</summary>
/// <remarks>
/// Every change is written, then pushed one way to each department the operator serves, so departments route
/// from a live view without ever waiting on an operator that is waiting on them.
/// </remarks>
[GrainType("operator")]
internal sealed class OperatorGrain(
    [PersistentState("operator")] IPersistentState<OperatorState> state,
    IOptions<ReminderOptions> reminders,
    HelpdeskInstruments instruments,
    IHostApplicationLifetime host,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IOperatorGrain, IRemindable
{
    private const int EventsKept = 256;

    private readonly EventLog<OperatorEvent> _events = new(EventsKept, time, host.ApplicationStopping);
    private readonly Dictionary<string, IGrainTimer> _offerTimers = new(StringComparer.Ordinal);
    private IGrainTimer? _wrapUpTimer;
    private WakeReminder? _loanEnd;

    private OperatorState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>Brings a loan with an end back home at its end.</summary>
    private WakeReminder LoanEnd => _loanEnd ??= new(this, "loan-end", time, reminders.Value.MinimumReminderPeriod);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var held in S.Contacts.Where(held => !held.Accepted))
        {
            ArmOfferTimer(held.Offer);
            AddEvent("offer", held.Offer);
        }

        if (S.WrapUpUntil is { } until)
        {
            ArmWrapUpTimer(until);
        }

        if (S.Loan?.Until is { } loanEnd)
        {
            await LoanEnd.SetAsync(loanEnd);
        }
    }

    public async Task<Reply<OperatorSnapshot>> CreateAsync(OperatorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (S.Profile is not null)
        {
            return Reply<OperatorSnapshot>.Conflict($"Operator {Id} exists already.");
        }

        S.Profile = profile;
        S.ProfileVersion = 1;
        S.IdleSince = time.GetUtcNow();
        await SaveAndTellAsync();
        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<OperatorSnapshot>> UpdateAsync(OperatorProfile profile, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Unavailable() is { } refused)
        {
            return refused;
        }

        if (expectedVersion is { } expected && expected != S.ProfileVersion)
        {
            return Reply<OperatorSnapshot>.Stale(expected, S.ProfileVersion);
        }

        // Departments they no longer serve are told they left; those they now serve learn of them with the rest.
        var before = Serving();
        S.Profile = profile;
        S.ProfileVersion++;
        await SaveAndTellAsync();
        TellLeft(before);
        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    public Task<Reply<OperatorSnapshot>> GetAsync() =>
        Task.FromResult(S.Profile is null ? Reply<OperatorSnapshot>.NotFound(Missing) : Reply<OperatorSnapshot>.Ok(Snapshot()));

    public async Task<Reply<OperatorSnapshot>> SetPresenceAsync(Presence presence)
    {
        if (Unavailable() is { } refused)
        {
            return refused;
        }

        if (presence is not (Presence.Available or Presence.Break or Presence.Offline))
        {
            return Reply<OperatorSnapshot>.Invalid("presence", $"An operator sets themselves available, break or offline; '{presence}' is set by the system.");
        }

        var now = time.GetUtcNow();
        List<HeldContact> handedBack = presence switch
        {
            Presence.Offline => [.. S.Contacts],
            Presence.Break => [.. S.Contacts.Where(held => !held.Accepted)],
            _ => [],
        };
        foreach (var held in handedBack)
        {
            Drop(held);
        }

        if (presence == Presence.Available && S.Presence == Presence.Offline)
        {
            S.ShiftStartedAt = now;
            S.DifficultyLoad = 0;
            S.IdleSince = now;
        }

        if (presence == Presence.Offline)
        {
            S.ShiftStartedAt = null;
        }

        var staffed = AtWork(S.Presence) ? S.StaffedSince : null;
        S.StaffedSince = AtWork(presence) ? S.StaffedSince ?? now : null;
        StopWrapUp();
        S.Presence = presence;
        AddEvent("presence");
        await SaveAndTellAsync();
        if (staffed is { } since && S.StaffedSince is null)
        {
            var home = S.Profile!.Departments[0];
            var fact = new ContactFact(FactKind.Staffed, now, home, OperatorId: Id, Duration: now - since);
            _ = GrainFactory.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(home, now)).RecordAsync(fact);
            _ = GrainFactory.GetGrain<IOperatorMonthGrain>(ReportKeys.OperatorMonth(Id, now)).RecordAsync(fact);
        }

        foreach (var held in handedBack)
        {
            _ = GrainFactory.GetGrain<IContactGrain>(held.ContactId).OperatorLeftAsync(Id);
        }

        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    public async Task<ReserveResult> ReserveAsync(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (S.Profile is null || !CanTake(offer.Channel) || S.Contacts.Exists(held => held.ContactId == offer.ContactId) || !Serving().Contains(offer.Department))
        {
            return new ReserveResult(false, View());
        }

        S.Contacts.Add(new HeldContact(offer, false, time.GetUtcNow()));
        S.DifficultyLoad += offer.Difficulty;
        S.Kpi = S.Kpi with { Offered = S.Kpi.Offered + 1 };
        ArmOfferTimer(offer);
        AddEvent("offer", offer);
        await SaveAndTellAsync(except: offer.Department);
        return new ReserveResult(true, View());
    }

    public async Task<Reply<HeldContact>> AcceptAsync(string contactId)
    {
        var index = S.Contacts.FindIndex(held => held.ContactId == contactId);
        if (index < 0)
        {
            return Reply<HeldContact>.Conflict($"Operator {Id} holds no offer of contact {contactId}: it expired or was withdrawn.");
        }

        if (S.Contacts[index].Accepted)
        {
            return Reply<HeldContact>.Ok(S.Contacts[index]);
        }

        var accepted = S.Contacts[index] with { Accepted = true, Since = time.GetUtcNow() };
        S.Contacts[index] = accepted;
        StopOfferTimer(contactId);
        S.Kpi = S.Kpi with { Accepted = S.Kpi.Accepted + 1 };
        await SaveAndTellAsync();
        return Reply<HeldContact>.Ok(accepted);
    }

    public async Task<bool> ReleaseAsync(string contactId, ReleaseReason reason)
    {
        if (S.Contacts.Find(held => held.ContactId == contactId) is not { } held)
        {
            return false;
        }

        var now = time.GetUtcNow();
        Drop(held);
        S.Kpi = reason switch
        {
            ReleaseReason.Completed => S.Kpi with { Completed = S.Kpi.Completed + 1 },
            ReleaseReason.Rejected => S.Kpi with { Rejected = S.Kpi.Rejected + 1 },
            _ => S.Kpi,
        };
        if (held.Accepted)
        {
            S.IdleSince = now;
        }

        if (reason == ReleaseReason.Completed && S.Profile!.WrapUp > TimeSpan.Zero && S.Presence == Presence.Available)
        {
            S.Presence = Presence.WrapUp;
            S.WrapUpUntil = now + S.Profile.WrapUp;
            ArmWrapUpTimer(S.WrapUpUntil.Value);
            AddEvent("presence");
        }

        await SaveAndTellAsync();
        return true;
    }

    public Task<bool> HoldsAsync(string contactId) => Task.FromResult(S.Contacts.Exists(held => held.ContactId == contactId));

    public Task<RaterStanding> StandingAsync() =>
        Task.FromResult(new RaterStanding(S.Profile?.Line ?? Line.L1, S.Kpi.MeetsKpi ? 1 : 0.5));

    public Task<MemberView?> ViewAsync() => Task.FromResult(View());

    public Task ShowOnBoardAsync()
    {
        ShowOnBoard();
        return Task.CompletedTask;
    }

    public async Task<Reply<OperatorSnapshot>> LendAsync(string department, DateTimeOffset? until, string reason, string by, bool keepsHome, string? inReturnFor = null)
    {
        if (Unavailable() is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        if (until <= now)
        {
            return Reply<OperatorSnapshot>.Invalid("until", "A loan ends in the future; leave it out to lend until recalled.");
        }

        if (keepsHome ? S.Profile!.Departments.Contains(department) : Serving() is [var alone] && alone == department)
        {
            return Reply<OperatorSnapshot>.Conflict(keepsHome
                ? $"Operator {Id} belongs to {department}: a reserve is lent to another department."
                : $"Operator {Id} already serves {department} alone.");
        }

        if (!await GrainFactory.GetGrain<IDepartmentGrain>(department).ExistsAsync())
        {
            return Reply<OperatorSnapshot>.Invalid("department", $"No department {department}.");
        }

        var before = Serving();
        if (until is { } end)
        {
            await LoanEnd.SetAsync(end);
        }
        else if (S.Loan?.Until is not null)
        {
            await LoanEnd.ClearAsync();
        }

        S.Loan = new Loan(department, now, until, reason, by, keepsHome, inReturnFor);
        AddEvent("moved", reason: $"lent to {department}{(keepsHome ? " as a reserve" : "")} by {by}{(until is { } u ? $" until {u:u}" : "")}: {reason}");
        await SaveAndTellAsync();
        instruments.Loan("lent");
        TellLeft(before);
        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<OperatorSnapshot>> ReturnAsync(string by)
    {
        if (S.Profile is null)
        {
            return Reply<OperatorSnapshot>.NotFound(Missing);
        }

        if (S.Loan is not { } loan)
        {
            return Reply<OperatorSnapshot>.Conflict($"Operator {Id} is not lent; they serve their own departments.");
        }

        var before = Serving();
        S.Loan = null;
        AddEvent("moved", reason: $"back from {loan.Department} ({by})");
        await SaveAndTellAsync();
        instruments.Loan("returned");
        TellLeft(before);
        if (loan.Until is not null)
        {
            await LoanEnd.ClearAsync();
        }

        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LoanEnd.Name)
        {
            return;
        }

        if (S.Loan?.Until is not { } end)
        {
            // The loan was ended by hand, or changed to one until recalled, after this tick was due.
            await LoanEnd.ClearAsync();
        }
        else if (end <= time.GetUtcNow())
        {
            await ReturnAsync("the loan's end");
        }
    }

    public async Task KpiChangedAsync(bool meetsKpi)
    {
        if (S.Profile is not null && S.Kpi.MeetsKpi != meetsKpi)
        {
            S.Kpi = S.Kpi with { MeetsKpi = meetsKpi };
            await SaveAndTellAsync();
        }
    }

    public Task<IReadOnlyList<OperatorEvent>> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default) =>
        _events.WaitAsync(after, wait, cancellationToken);

    private static string Missing => "No such operator.";

    /// <summary>The refusal of a change to an operator who does not exist or is retired; <see langword="null"/> when it may go ahead.</summary>
    private Reply<OperatorSnapshot>? Unavailable() =>
        S.Profile is null ? Reply<OperatorSnapshot>.NotFound(Missing)
        : S.RetiredAt is { } retired ? Reply<OperatorSnapshot>.Conflict($"Operator {Id} was retired at {retired:u}; their history stays readable.")
        : null;

    public async Task<Reply<OperatorSnapshot>> RetireAsync(string by)
    {
        if (S.Profile is null)
        {
            return Reply<OperatorSnapshot>.NotFound(Missing);
        }

        if (S.RetiredAt is null)
        {
            // Home from a loan, then offline: everything they hold goes back to be dispatched again.
            if (S.Loan is not null)
            {
                await ReturnAsync(by);
            }

            if (S.Presence != Presence.Offline)
            {
                await SetPresenceAsync(Presence.Offline);
            }

            var before = Serving();
            S.RetiredAt = time.GetUtcNow();
            S.RetiredBy = by;
            await SaveAndTellAsync();
            TellLeft(before);
        }

        return Reply<OperatorSnapshot>.Ok(Snapshot());
    }

    private bool CanTake(Channel channel) =>
        S.Presence == Presence.Available
        && S.Contacts.Count(held => held.Channel == channel) < S.Profile!.Capacity.GetValueOrDefault(channel);

    /// <summary>Removes a held contact; an offer never answered also takes back its difficulty and tells the desktop.</summary>
    private void Drop(HeldContact held)
    {
        S.Contacts.Remove(held);
        StopOfferTimer(held.ContactId);
        if (!held.Accepted)
        {
            S.DifficultyLoad = Math.Max(0, S.DifficultyLoad - held.Offer.Difficulty);
            AddEvent("offer-withdrawn", held.Offer, "the offer was withdrawn");
        }
    }

    private async Task OfferTimedOutAsync(string contactId)
    {
        _offerTimers.Remove(contactId);
        if (S.Contacts.Find(held => held.ContactId == contactId && !held.Accepted) is not { } held)
        {
            return;
        }

        S.Contacts.Remove(held);
        S.DifficultyLoad = Math.Max(0, S.DifficultyLoad - held.Offer.Difficulty);
        S.Kpi = S.Kpi with { Missed = S.Kpi.Missed + 1 };
        if (S.Presence is Presence.Available)
        {
            S.Presence = Presence.NotResponding;
        }

        AddEvent("offer-withdrawn", held.Offer, "the offer timed out; set yourself available to take contacts again");
        await SaveAndTellAsync();
        instruments.OfferLapsed(held.Offer.Department);
        _ = GrainFactory.GetGrain<IContactGrain>(contactId).OfferExpiredAsync(Id);
    }

    private async Task WrapUpEndedAsync()
    {
        _wrapUpTimer = null;
        S.WrapUpUntil = null;
        if (S.Presence == Presence.WrapUp)
        {
            S.Presence = Presence.Available;
            AddEvent("presence");
            await SaveAndTellAsync();
        }
    }

    private void ArmOfferTimer(Offer offer)
    {
        StopOfferTimer(offer.ContactId);
        var due = offer.ExpiresAt - time.GetUtcNow();
        _offerTimers[offer.ContactId] = this.RegisterGrainTimer(
            _ => OfferTimedOutAsync(offer.ContactId), due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void StopOfferTimer(string contactId)
    {
        if (_offerTimers.Remove(contactId, out var timer))
        {
            timer.Dispose();
        }
    }

    private void ArmWrapUpTimer(DateTimeOffset until)
    {
        StopWrapUp();
        var due = until - time.GetUtcNow();
        _wrapUpTimer = this.RegisterGrainTimer(_ => WrapUpEndedAsync(), due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void StopWrapUp()
    {
        _wrapUpTimer?.Dispose();
        _wrapUpTimer = null;
        S.WrapUpUntil = null;
    }

    private void AddEvent(string type, Offer? offer = null, string? reason = null) =>
        _events.Add(id => new OperatorEvent(id, type, time.GetUtcNow(), EffectivePresence(), offer, reason));

    /// <summary>Writes the state, then pushes the new view to every department the operator serves, and the row to the board.</summary>
    private async Task SaveAndTellAsync(string? except = null)
    {
        S.Version++;
        if (EffectivePresence() is var shown && shown != S.PresenceShown)
        {
            S.PresenceShown = shown;
            S.PresenceSince = time.GetUtcNow();
        }

        await state.SaveAsync(DeactivateOnIdle);
        ShowOnBoard();
        var view = View()!;
        var departments = Serving();
        for (var i = 0; i < departments.Count; i++)
        {
            if (departments[i] != except)
            {
                _ = GrainFactory.GetGrain<IDepartmentGrain>(departments[i]).MemberChangedAsync(view, home: S.Loan?.KeepsHome != false && i == 0);
            }
        }
    }

    /// <summary>
    /// The departments whose contacts the operator takes, in the order they are told the operator is free: their own, then the
    /// borrower when lent as a reserve; the borrower alone when lent whole.
    /// </summary>
    private IReadOnlyList<string> Serving() => S.Loan switch
    {
        _ when S.RetiredAt is not null => [],
        null => S.Profile!.Departments,
        { KeepsHome: true } loan => [.. S.Profile!.Departments, loan.Department],
        var loan => [loan.Department],
    };

    /// <summary>Tells the departments no longer served that the operator has left them, after the change is written and told.</summary>
    private void TellLeft(IReadOnlyList<string> before)
    {
        foreach (var department in before.Except(Serving(), StringComparer.Ordinal))
        {
            _ = GrainFactory.GetGrain<IDepartmentGrain>(department).MemberLeftAsync(Id);
        }
    }

    /// <summary>Whether the operator is at work: on shift and not on a break, whether free or busy.</summary>
    private static bool AtWork(Presence presence) => presence is not (Presence.Offline or Presence.Break);

    private Presence EffectivePresence() =>
        S.Presence == Presence.Available && S.Profile is { } profile && profile.Capacity.All(c => S.Contacts.Count(held => held.Channel == c.Key) >= c.Value)
            ? Presence.Busy
            : S.Presence;

    private MemberView? View()
    {
        if (S.Profile is not { } profile)
        {
            return null;
        }

        var free = profile.Capacity.ToDictionary(
            capacity => capacity.Key,
            capacity => S.Presence == Presence.Available ? Math.Max(0, capacity.Value - S.Contacts.Count(held => held.Channel == capacity.Key)) : 0);
        return new MemberView(Id, profile.Line, profile.Skills, EffectivePresence(), free, S.Contacts.Count, S.DifficultyLoad, S.Kpi.MeetsKpi, S.IdleSince, S.Version);
    }

    private void ShowOnBoard()
    {
        if (S.Profile is not { } profile)
        {
            return;
        }

        var row = new BoardOperator(
            Id,
            profile.Name,
            profile.Line,
            profile.Departments,
            S.Loan,
            EffectivePresence(),
            S.PresenceSince,
            [.. S.Contacts.Select(held => new BoardHold(held.ContactId, held.Channel, held.Accepted, held.Since))],
            S.DifficultyLoad,
            S.Kpi.MeetsKpi,
            S.Kpi.Missed,
            S.RetiredAt);
        _ = GrainFactory.GetGrain<IBoardGrain>(IBoardGrain.Center).OperatorChangedAsync(row);
    }

    private OperatorSnapshot Snapshot() =>
        new(Id, S.Profile!, EffectivePresence(), [.. S.Contacts], S.DifficultyLoad, S.ShiftStartedAt, S.Kpi, S.Loan, S.ProfileVersion, S.RetiredAt);
}
