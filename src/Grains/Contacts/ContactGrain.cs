using Helpdesk.Grains.Broadcasts;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Diagnostics;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Helpdesk.Grains.Contacts;

/// <summary>Drives one contact (ticket): entry by karma, placement, offers, transfers, its statuses and their SLA timers.</summary>
/// <remarks>
/// The contact calls departments, operators, its customer and the report grains, and is never called back while it
/// waits on them: they tell it things one way. Every command checks the state first and changes nothing when it
/// refuses. This file routes; ContactGrain.Ticket.cs moves the ticket through its statuses; ContactGrain.Sla.cs times them.
/// </remarks>
[GrainType("contact")]
internal sealed partial class ContactGrain(
    [PersistentState("contact")] IPersistentState<ContactState> state,
    RoutingPolicy routingPolicy,
    KarmaPolicy karmaPolicy,
    SlaPolicy centerSla,
    IOptions<ReminderOptions> reminders,
    HelpdeskInstruments instruments,
    ILogger<ContactGrain> logger,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IContactGrain, IRemindable, IIncomingGrainCallFilter
{
    private const int RouteStepsKept = 50;
    private const string Router = "router";

    /// <summary>How soon an operator who could not be freed is tried again.</summary>
    private static readonly TimeSpan ReleaseRetry = TimeSpan.FromSeconds(5);

    private ContactState S => state.State;

    /// <summary>When freeing <see cref="ContactState.Releasing"/> is tried again, after a try that failed.</summary>
    private DateTimeOffset? _releaseRetryAt;

    private bool _firstCallRan;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An operator still to be freed is freed before the first call runs (Invoke), or by the wake-up reminder when
        // no call comes: a ticket handed over by a stopping silo activates without one.
        if (S.Releasing is not null)
        {
            _releaseRetryAt = time.GetUtcNow() + ReleaseRetry;
        }

        // Re-armed from the state: a reminder moved by a change whose write then failed must not wait past this deadline.
        if (NextWake() is { } due)
        {
            await Wake.SetAsync(due);
        }
    }

    /// <summary>Frees an operator a stored change took the ticket from before the activation's first call runs.</summary>
    /// <remarks>
    /// Not while activating: a ticket handed over by a stopping silo activates while its operator's own hand-over, in
    /// the same batch, may wait for that activation to end, and a call to them from there waited out the call timeout
    /// (30 s) and held the silo's stop with it.
    /// </remarks>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_firstCallRan)
        {
            _firstCallRan = true;
            await FreeOperatorAsync();
        }

        try
        {
            await context.Invoke();
        }
        finally
        {
            if (S.Request is null)
            {
                // No contact, as read when this activation began. During a failover that read can come before the write of
                // a creation still running on a silo being declared dead: the next call reads the store again.
                DeactivateOnIdle();
            }
        }
    }

    public async Task<Reply<ContactReceipt>> CreateAsync(NewContact request, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Receipt is { } receipt)
        {
            return S.Fingerprint == fingerprint
                ? Reply<ContactReceipt>.Ok(receipt)
                : Reply<ContactReceipt>.Invalid("Idempotency-Key", "This Idempotency-Key was used for another request body; use a new key for a new contact.");
        }

        var now = time.GetUtcNow();
        var customer = GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId);
        var profile = await customer.ProfileAsync();
        var entry = EntryRule.Decide(profile.Karma, request.Channel, request.Department, karmaPolicy);
        var routing = RoutingOf(request, profile, entry.Line, now);
        var broadcasts = await GrainFactory.GetGrain<IBroadcastGrain>(IBroadcastGrain.Center).ActiveAsync(request.Department, request.Topic, now);
        if (broadcasts.FirstOrDefault(broadcast => broadcast.Scope == BroadcastScope.Topic) is { } incident)
        {
            return await DeflectAsync(request, fingerprint, routing, incident, now);
        }

        var placement = await GrainFactory.GetGrain<IDepartmentGrain>(request.Department).PlaceAsync(routing, entry.SkipFirstLine ? Line.L1 : null);
        if (placement.Value is not { } placed)
        {
            return Reply<ContactReceipt>.Invalid("department", placement.Error ?? $"No department {request.Department}.");
        }

        Open(request, fingerprint, routing, entry.Reason, now);
        await ApplyAsync(placed, Router);
        S.Receipt = ContactReceipt.Of(Id, S.Status, S.Route[^1], entry.Reason);
        Tell(FactKind.Created);

        // Two independent commits: wait for both at once rather than one after the other.
        await Task.WhenAll(PersistAsync(), customer.ContactOpenedAsync(Id, now));
        instruments.Routed(Name(S.Status));
        return Reply<ContactReceipt>.Ok(S.Receipt);
    }

    public Task<Reply<ContactSnapshot>> GetAsync() => Task.FromResult(S.Request is null ? Missing() : Reply<ContactSnapshot>.Ok(Snapshot()));

    /// <summary>How departments route a new contact of <paramref name="request"/>'s customer, at <paramref name="line"/>.</summary>
    private WaitingContact RoutingOf(NewContact request, CustomerProfile profile, Line line, DateTimeOffset now) => new(
        Id, request.CustomerId, request.Channel, request.Priority, line, line, request.Skill, request.MinProficiency,
        profile.Difficulty, profile.Calm, profile.LastAgent, profile.Exclusions.ToHashSet(StringComparer.Ordinal), null, now, now);

    /// <summary>Records a new contact's request; its status follows from where it goes.</summary>
    private void Open(NewContact request, string fingerprint, WaitingContact routing, string entryRule, DateTimeOffset now)
    {
        S.Request = request;
        S.Fingerprint = fingerprint;
        S.CreatedAt = now;
        S.EntryRule = entryRule;
        S.Routing = routing;
        S.Department = request.Department;
    }

    public async Task<Reply<ContactSnapshot>> AcceptAsync(string operatorId)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        // Queued too: the operator's desktop may hear of the offer before the department's note reaches this contact.
        if (S.Status is not (ContactStatus.Offered or ContactStatus.Queued) || (S.Status == ContactStatus.Offered && S.OperatorId != operatorId))
        {
            return S.Status == ContactStatus.InProgress && S.OperatorId == operatorId
                ? Reply<ContactSnapshot>.Ok(Snapshot())
                : Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; operator {operatorId} cannot accept it.");
        }

        var accepted = await GrainFactory.GetGrain<IOperatorGrain>(operatorId).AcceptAsync(Id);
        if (accepted.Status != ReplyStatus.Ok)
        {
            return Reply<ContactSnapshot>.Conflict($"The offer of contact {Id} to operator {operatorId} is no longer open: it expired or was withdrawn.");
        }

        var now = time.GetUtcNow();
        if (S.Status == ContactStatus.Queued)
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).WithdrawAsync(Id);
        }

        S.OperatorId = operatorId;
        S.Owner = operatorId;
        S.AcceptedAt = now;
        S.Routing = S.Routing! with { RequiredOperator = null };
        if (!S.Handlers.Contains(operatorId))
        {
            S.Handlers.Add(operatorId);
        }

        await SetStatusAsync(ContactStatus.InProgress, operatorId);
        await PersistAsync();
        _ = GrainFactory.GetGrain<IDepartmentGrain>(S.Department).AnsweredAsync(Id, now - S.Routing!.EnteredAt);
        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<ContactSnapshot>> RejectAsync(string operatorId)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        if (S.Status != ContactStatus.Offered || S.OperatorId != operatorId)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; operator {operatorId} has no offer of it to reject.");
        }

        // Placed first, released after: a failure on the way leaves the offer where it was.
        await RequeueAsync(Declining(operatorId), S.Department, operatorId, $"declined by {operatorId}", declined: operatorId);
        await GrainFactory.GetGrain<IOperatorGrain>(operatorId).ReleaseAsync(Id, ReleaseReason.Rejected);
        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<ContactSnapshot>> TransferAsync(string operatorId, TransferTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (S.Request is null)
        {
            return Missing();
        }

        if (S.Status != ContactStatus.InProgress || S.OperatorId != operatorId)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; only the operator handling it can transfer it.");
        }

        if (S.Transfers >= routingPolicy.TransferLimit)
        {
            return Reply<ContactSnapshot>.Conflict(
                $"Contact {Id} has been transferred {S.Transfers} times, the limit: no more ticket football. Solve it, or escalate it to a senior.");
        }

        var now = time.GetUtcNow();
        var exclusions = (await GrainFactory.GetGrain<ICustomerGrain>(S.Request.CustomerId).ProfileAsync()).Exclusions;
        var routing = S.Routing! with { RequiredOperator = null, Excluded = [.. exclusions.Union(S.Declined, StringComparer.Ordinal)] };
        var department = S.Department;
        string note;
        if (target.OperatorId is { } colleague)
        {
            if (colleague == operatorId)
            {
                return Reply<ContactSnapshot>.Invalid("toOperatorId", "A contact cannot be transferred to the operator who holds it.");
            }

            if ((await GrainFactory.GetGrain<IOperatorGrain>(colleague).GetAsync()).Value is not { } other)
            {
                return Reply<ContactSnapshot>.Invalid("toOperatorId", $"No operator {colleague}.");
            }

            if (other.Presence == Presence.Offline)
            {
                return Reply<ContactSnapshot>.Conflict($"Operator {colleague} is offline; transfer to someone at work, or to their department.");
            }

            if (exclusions.Contains(colleague))
            {
                return Reply<ContactSnapshot>.Conflict($"Customer {S.Request.CustomerId} must never be routed to operator {colleague}.");
            }

            // Naming a colleague who once declined it is a deliberate choice: it lifts their decline.
            department = other.Profile.Departments.Contains(S.Department) ? S.Department : other.Profile.Departments[0];
            routing = routing with { RequiredOperator = colleague, Excluded = [.. routing.Excluded.Where(excluded => excluded != colleague)] };
            note = $"transferred by {operatorId} to colleague {colleague}";
        }
        else if (target.Department is { } next)
        {
            if ((await GrainFactory.GetGrain<IDepartmentGrain>(next).GetAsync()).Status != ReplyStatus.Ok)
            {
                return Reply<ContactSnapshot>.Invalid("toDepartment", $"No department {next}.");
            }

            department = next;
            routing = routing with { EnteredAt = now, EscalationsApplied = 0 };
            note = $"transferred by {operatorId} to department {next}";
        }
        else if (target.Line is { } line)
        {
            routing = routing with { Line = line, MaxLine = line };
            note = $"transferred by {operatorId} to line {line}";
        }
        else
        {
            return Reply<ContactSnapshot>.Invalid("target", "Name a colleague (toOperatorId), a department (toDepartment) or a line (toLine) to transfer to.");
        }

        S.Transfers++;
        try
        {
            await HandOffAsync(operatorId, ReleaseReason.Transferred, () => RequeueAsync(routing, department, operatorId, note));
        }
        catch
        {
            S.Transfers--;
            throw;
        }

        Tell(FactKind.Transferred, operatorId);
        TellHandled(operatorId, now);
        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<CustomerSnapshot>> RateCustomerAsync(string customerId, string operatorId, int literacy, int temperament)
    {
        if (S.Request is null)
        {
            return Reply<CustomerSnapshot>.Invalid("contactId", $"No contact {Id}.");
        }

        if (S.Request.CustomerId != customerId)
        {
            return Reply<CustomerSnapshot>.Conflict($"Contact {Id} belongs to another customer.");
        }

        if (!S.Handlers.Contains(operatorId))
        {
            return Reply<CustomerSnapshot>.Conflict($"Operator {operatorId} did not handle contact {Id}, so they cannot rate its customer.");
        }

        if (S.RatedBy.Contains(operatorId))
        {
            return Reply<CustomerSnapshot>.Conflict($"Operator {operatorId} has already rated the customer for contact {Id}.");
        }

        var rater = await GrainFactory.GetGrain<IOperatorGrain>(operatorId).StandingAsync();
        var rated = await GrainFactory.GetGrain<ICustomerGrain>(customerId)
            .RateAsync(new Rating(operatorId, Id, rater.Line, rater.Standing, literacy, temperament, time.GetUtcNow()));
        S.RatedBy.Add(operatorId);
        await PersistAsync();
        return Reply<CustomerSnapshot>.Ok(rated);
    }

    /// <summary>
    /// Takes the ticket from <paramref name="operatorId"/> by <paramref name="change"/>, which writes it, and only then frees
    /// the operator: the write records who is still to be freed, so neither a failed write nor an operator out of reach
    /// leaves the ticket and the operator disagreeing for good.
    /// </summary>
    private async Task HandOffAsync(string operatorId, ReleaseReason reason, Func<Task> change)
    {
        S.Releasing = new OperatorRelease(operatorId, reason);
        try
        {
            await change();
        }
        catch
        {
            // Not written (or the grain reloads what was): the operator still holds the contact, rightly.
            S.Releasing = null;
            throw;
        }

        await FreeOperatorAsync();
    }

    /// <summary>Frees the operator a stored change took the ticket from; when they cannot be reached, the wake-up reminder tries again.</summary>
    /// <remarks>
    /// Releasing is idempotent, so trying again after a restart, or when the first answer was lost, frees nobody twice.
    /// Once freed, <see cref="ContactState.Releasing"/> is cleared in memory and stored with the next write; a ticket
    /// reactivated before that frees the operator again, harmlessly, since it has not been offered to anyone since.
    /// </remarks>
    private async Task FreeOperatorAsync()
    {
        if (S.Releasing is not { } release)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IOperatorGrain>(release.OperatorId).ReleaseAsync(Id, release.Reason);
            S.Releasing = null;
            _releaseRetryAt = null;
        }
        catch (Exception exception)
        {
            // Their silo is failing over (the call is rejected, times out, or is cancelled when the silo is declared dead),
            // or their write failed: the status change is stored and stands, and the operator is freed by the retry.
            _releaseRetryAt = time.GetUtcNow() + ReleaseRetry;
            LogReleaseFailed(logger, release.OperatorId, Id, _releaseRetryAt.Value, exception);
            await Wake.SetAsync(_releaseRetryAt.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator {OperatorId} could not be freed of contact {ContactId}; trying again at {RetryAt:O}.")]
    private static partial void LogReleaseFailed(ILogger logger, string operatorId, string contactId, DateTimeOffset retryAt, Exception exception);

    public async Task OfferedAsync(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.OperatorId is not { } operatorId)
        {
            return;
        }

        if (await AbsentAsync())
        {
            // A contact whose creation failed after it was queued: give the operator back.
            await GrainFactory.GetGrain<IOperatorGrain>(operatorId).ReleaseAsync(Id, ReleaseReason.Transferred);
            return;
        }

        if (S.Status == ContactStatus.Queued && placement.Department == S.Department)
        {
            if (!await GrainFactory.GetGrain<IOperatorGrain>(operatorId).HoldsAsync(Id))
            {
                // The offer lapsed, or the operator left, before this note arrived (notes from two grains keep no order).
                await RequeueAsync(Declining(operatorId), S.Department, Router, $"offer to {operatorId} ended before it reached the contact", declined: operatorId);
                return;
            }

            await ApplyAsync(placement, Router);
            await PersistAsync();
        }
        else if (S.OperatorId == operatorId)
        {
            // The operator accepted before this note arrived: keep the decision in the route all the same.
            AddRouteStep(placement, time.GetUtcNow());
            await PersistAsync();
        }
        else
        {
            // Offered from a queue it has already left: give the operator back.
            await GrainFactory.GetGrain<IOperatorGrain>(operatorId).ReleaseAsync(Id, ReleaseReason.Transferred);
        }
    }

    public async Task OfferExpiredAsync(string operatorId)
    {
        if (!await AbsentAsync() && S.Status == ContactStatus.Offered && S.OperatorId == operatorId)
        {
            await RequeueAsync(Declining(operatorId), S.Department, Router, $"offer to {operatorId} timed out", declined: operatorId);
        }
    }

    public async Task OperatorLeftAsync(string operatorId)
    {
        if (!await AbsentAsync() && S.Status is ContactStatus.Offered or ContactStatus.InProgress && S.OperatorId == operatorId)
        {
            var routing = S.Routing!.RequiredOperator == operatorId ? S.Routing with { RequiredOperator = null } : S.Routing;
            await RequeueAsync(routing, S.Department, Router, $"operator {operatorId} left: dispatched again");
        }
    }

    public async Task MovedAsync(string department, string reason)
    {
        if (await AbsentAsync() || S.Status != ContactStatus.Queued)
        {
            return;
        }

        var routing = S.Routing! with { EnteredAt = time.GetUtcNow(), EscalationsApplied = 0 };
        if (!await TryRequeueAsync(routing, department, Router, reason))
        {
            await RequeueAsync(routing, S.Department, Router, $"neighbouring department {department} does not exist: back to {S.Department}");
        }
    }

    /// <summary>The routing without <paramref name="operatorId"/>: never offered to them again, nor required.</summary>
    private WaitingContact Declining(string operatorId) => S.Routing! with
    {
        Excluded = S.Routing.Excluded.Append(operatorId).ToHashSet(StringComparer.Ordinal),
        RequiredOperator = S.Routing.RequiredOperator == operatorId ? null : S.Routing.RequiredOperator,
    };

    private async Task RequeueAsync(WaitingContact routing, string department, string by, string note, string? declined = null)
    {
        if (!await TryRequeueAsync(routing, department, by, note, declined))
        {
            throw new InvalidOperationException($"Contact {Id} could not be placed in department {department}, which no longer answers as existing.");
        }
    }

    /// <summary>Places the contact in <paramref name="department"/> and only then records the outcome, so a failure changes nothing.</summary>
    private async Task<bool> TryRequeueAsync(WaitingContact routing, string department, string by, string note, string? declined = null)
    {
        var placement = await GrainFactory.GetGrain<IDepartmentGrain>(department).PlaceAsync(routing, null);
        if (placement.Value is not { } placed)
        {
            return false;
        }

        if (declined is not null && !S.Declined.Contains(declined))
        {
            S.Declined.Add(declined);
        }

        S.Routing = routing;
        await ApplyAsync(placed with { Note = placed.Note is null ? note : $"{note}; {placed.Note}" }, by);
        await PersistAsync();
        return true;
    }

    private async Task ApplyAsync(Placement placement, string by)
    {
        S.Department = placement.Department;
        if (placement.Line != S.Routing!.Line)
        {
            // The department fell back to another line.
            S.Routing = S.Routing with { Line = placement.Line, MaxLine = placement.Line };
        }

        S.OperatorId = placement.OperatorId;
        AddRouteStep(placement, time.GetUtcNow());
        await SetStatusAsync(
            placement.OperatorId is null ? ContactStatus.Queued : ContactStatus.Offered,
            by,
            placement.OperatorId is null ? placement.Rule : $"offered to {placement.OperatorId}");
    }

    /// <summary>Keeps the decision; past the limit the oldest but the first go, so the entry decision stays.</summary>
    private void AddRouteStep(Placement placement, DateTimeOffset now)
    {
        S.Route.Add(RouteStep.Of(placement, now));
        if (S.Route.Count > RouteStepsKept)
        {
            S.Route.RemoveAt(1);
        }
    }

    private string Describe() => S.Status switch
    {
        ContactStatus.Offered => $"offered to {S.OperatorId}",
        ContactStatus.InProgress => $"in progress with {S.OperatorId}",
        ContactStatus.Queued => $"waiting in {S.Department}",
        _ => Name(S.Status).Replace('_', ' '),
    };

    /// <summary>
    /// Whether there is no contact, when a department, an operator or a reminder speaks of one: only a placed contact is
    /// spoken of, so its creation failed after the placement, or still runs on a silo being declared dead. Storing the
    /// empty state claims the id, so that creation's late write fails on the version rather than acknowledging a contact
    /// this note has already given up; when a creation was stored first, the contact is read and the note applies.
    /// </summary>
    private async Task<bool> AbsentAsync()
    {
        if (S.Request is not null)
        {
            return false;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            await state.ReadStateAsync();
        }

        return S.Request is null;
    }

    private static Reply<ContactSnapshot> Missing() => Reply<ContactSnapshot>.NotFound("No such contact.");

    private ContactSnapshot Snapshot() => new(
        Id, S.Request!, S.Status, S.EnteredAt, S.Department, S.Routing!.Line, S.OperatorId, S.Owner, S.Transfers, S.CreatedAt, S.EntryRule,
        S.ResumeAt, S.TaskKey, S.FollowUpAt, [.. S.Deadlines], [.. S.Links], S.Feedback, [.. S.Route], [.. S.History], [.. S.Declined]);
}
