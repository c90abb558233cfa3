using System.Text.Json;
using Helpdesk.Grains.Broadcasts;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Tickets;

namespace Helpdesk.Grains.Contacts;

/// <summary>The ticket's statuses besides routing: waiting, postponed, in development, proposed, confirmed, rejected, escalated, abandoned.</summary>
internal sealed partial class ContactGrain
{
    public async Task<Reply<ContactSnapshot>> ChangeStatusAsync(StatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Request is null)
        {
            return Missing();
        }

        if (request.To is ContactStatus.Offered or ContactStatus.InProgress || (request.To == ContactStatus.Queued && TicketLifecycle.HoldsOperator(S.Status)))
        {
            return Reply<ContactSnapshot>.Invalid("status", "Offers are taken with /accept, declined with /reject and passed on with /transfer.");
        }

        var responsible = TicketLifecycle.HoldsOperator(S.Status) ? S.OperatorId : S.Owner;
        if (request.By == TicketActor.Operator && request.ActorId != responsible)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; only {responsible ?? "the operator responsible"} may change its status.");
        }

        if (request.By == TicketActor.Customer && request.ActorId != S.Request.CustomerId)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} belongs to another customer.");
        }

        if (!TicketLifecycle.IsAllowed(S.Status, request.To, request.By))
        {
            var allowed = TicketLifecycle.Allowed(S.Status, request.By);
            return Reply<ContactSnapshot>.Conflict(
                $"Contact {Id} is {Describe()}: the {Name(request.By)} cannot move it to {Name(request.To)}. "
                + (allowed.Count == 0 ? $"The {Name(request.By)} cannot move it at all now." : $"Allowed: {string.Join(", ", allowed.Select(Name))}."));
        }

        var now = time.GetUtcNow();
        if (request.To is ContactStatus.Postponed or ContactStatus.InDevelopment && (request.Until is not { } until || until <= now))
        {
            return Reply<ContactSnapshot>.Invalid("until", $"A ticket {Name(request.To).Replace('_', ' ')} needs a time in the future to come back.");
        }

        if (request.To == ContactStatus.InDevelopment && string.IsNullOrWhiteSpace(request.TaskKey))
        {
            return Reply<ContactSnapshot>.Invalid("taskKey", "A ticket in development needs the tracker's task key.");
        }

        if (request.To == ContactStatus.Escalated && S.Routing!.Line == Line.L3)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is already at the last line (L3); transfer it to a colleague or a department instead.");
        }

        switch (request.To)
        {
            case ContactStatus.WaitingForCustomer or ContactStatus.Postponed or ContactStatus.InDevelopment or ContactStatus.SolutionProposed:
                await HandOffAsync(request.ActorId, ReleaseReason.Completed, () => ParkAsync(request, now));
                EndConversation(request.ActorId, now);
                break;
            case ContactStatus.Escalated:
                await EscalateAsync(request.ActorId, request.Note, now);
                break;
            case ContactStatus.Queued:
                await ResumeAsync(request.ActorId, request.Note ?? $"resumed by the {Name(request.By)}");
                break;
            case ContactStatus.Confirmed:
                await CloseAsync(request.Note);
                break;
            case ContactStatus.Rejected:
                await ReopenAsync(request.Note);
                break;
            case ContactStatus.Abandoned:
                await AbandonAsync(request.Note, now);
                break;
        }

        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<ContactSnapshot>> RateTicketAsync(string customerId, int score, bool? like, string? comment)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        if (customerId != S.Request.CustomerId)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} belongs to another customer.");
        }

        if (!TicketLifecycle.IsClosed(S.Status))
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; a ticket is rated once the customer has confirmed its solution.");
        }

        if (S.Feedback is not null)
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} has been rated already.");
        }

        S.Feedback = new TicketFeedback(score, like, comment, time.GetUtcNow());
        await PersistAsync();
        Tell(FactKind.Rated, S.Owner, score: score, like: like);
        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<ContactReceipt>> CreateTaskAsync(ContactTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (S.Receipt is { } receipt)
        {
            return Reply<ContactReceipt>.Ok(receipt);
        }

        var now = time.GetUtcNow();
        var request = task.Request;
        var customer = GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId);
        var profile = await customer.ProfileAsync();
        var routing = RoutingOf(request, profile, Line.L1, now);
        Open(request, task.Origin, routing, $"a task: {task.Origin}, for the first line{(task.OperatorId is null ? "" : $" or {task.OperatorId}")}", now);
        S.Owner = task.OperatorId;
        S.Links.Add(task.Origin);
        if (task.DueAt > now)
        {
            S.ResumeAt = task.DueAt;
            await SetStatusAsync(ContactStatus.Postponed, Router, $"due {task.DueAt:u}");
            S.Receipt = new ContactReceipt(Id, S.Status, S.Department, Line.L1, null, null, null, "due later", S.EntryRule, $"waits until {task.DueAt:u}");
        }
        else if (!await TryRequeueAsync(await ReturnRoutingAsync(), request.Department, Router, $"task from {task.Origin}"))
        {
            DeactivateOnIdle();
            return Reply<ContactReceipt>.Invalid("department", $"No department {request.Department}.");
        }
        else
        {
            S.Receipt = ContactReceipt.Of(Id, S.Status, S.Route[^1], S.EntryRule);
        }

        Tell(FactKind.Created);
        await Task.WhenAll(PersistAsync(), customer.ContactOpenedAsync(Id, null));
        return Reply<ContactReceipt>.Ok(S.Receipt);
    }

    public async Task<Reply<ContactSnapshot>> AssignAsync(string operatorId, string assignedBy)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        if (S.Status is not (ContactStatus.Queued or ContactStatus.Postponed))
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} is {Describe()}; only a waiting or postponed ticket is assigned.");
        }

        if ((await GrainFactory.GetGrain<IOperatorGrain>(operatorId).GetAsync()).Value is not { } assignee)
        {
            return Reply<ContactSnapshot>.Invalid("operatorId", $"No operator {operatorId}.");
        }

        if (assignee.Presence == Presence.Offline)
        {
            return Reply<ContactSnapshot>.Conflict($"Operator {operatorId} is offline; assign it to someone at work.");
        }

        if ((await GrainFactory.GetGrain<ICustomerGrain>(S.Request.CustomerId).ProfileAsync()).Exclusions.Contains(operatorId))
        {
            return Reply<ContactSnapshot>.Conflict($"Customer {S.Request.CustomerId} must never be routed to operator {operatorId}.");
        }

        if (S.Status == ContactStatus.Postponed)
        {
            S.Owner = operatorId;
            S.History.Add(new StatusChange(S.Status, time.GetUtcNow(), assignedBy, $"assigned to {operatorId}"));
            await PersistAsync();
            return Reply<ContactSnapshot>.Ok(Snapshot());
        }

        if (!await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).WithdrawAsync(Id))
        {
            return Reply<ContactSnapshot>.Conflict($"Contact {Id} was offered a moment ago; it is no longer waiting.");
        }

        var department = assignee.Profile.Departments.Contains(S.Department) ? S.Department : assignee.Profile.Departments[0];
        S.Owner = operatorId;
        var routing = S.Routing! with
        {
            RequiredOperator = operatorId,
            Excluded = [.. S.Routing.Excluded.Where(excluded => excluded != operatorId)],
        };
        await RequeueAsync(routing, department, assignedBy, $"assigned to {operatorId} by {assignedBy}");
        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    public async Task<Reply<ContactSnapshot>> LinkAsync(string link)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        if (!S.Links.Contains(link))
        {
            S.Links.Add(link);
            await PersistAsync();
        }

        return Reply<ContactSnapshot>.Ok(Snapshot());
    }

    /// <summary>A broadcast on the contact's topic answers it at once: linked to the incident, its solution proposed.</summary>
    private async Task<Reply<ContactReceipt>> DeflectAsync(NewContact request, string fingerprint, WaitingContact routing, Broadcast incident, DateTimeOffset now)
    {
        Open(request, fingerprint, routing, "a broadcast on this topic answered it", now);
        S.Links.Add(incident.Id);
        S.ProposedBy = $"broadcast:{incident.Id}";
        await SetStatusAsync(ContactStatus.SolutionProposed, S.ProposedBy, incident.Message);
        S.Receipt = new ContactReceipt(Id, S.Status, request.Department, routing.Line, null, null, "broadcast", null, S.EntryRule, incident.Message);
        Tell(FactKind.Created);
        Tell(FactKind.Deflected);
        await Task.WhenAll(PersistAsync(), GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).ContactOpenedAsync(Id, now));
        instruments.Routed("deflected");
        return Reply<ContactReceipt>.Ok(S.Receipt);
    }

    /// <summary>The operator's conversation has ended and is stored: the customer's last agent and the handle time are told.</summary>
    private void EndConversation(string operatorId, DateTimeOffset now)
    {
        _ = GrainFactory.GetGrain<ICustomerGrain>(S.Request!.CustomerId).ServedByAsync(operatorId);
        TellHandled(operatorId, now);
    }

    /// <summary>Leaves the ticket with its owner, off the line: waiting for the customer, postponed, in development or solved; and writes it.</summary>
    private async Task ParkAsync(StatusRequest request, DateTimeOffset now)
    {
        S.OperatorId = null;
        S.ResumeAt = request.To is ContactStatus.Postponed or ContactStatus.InDevelopment ? request.Until : null;
        S.TaskKey = request.To == ContactStatus.InDevelopment ? request.TaskKey : null;
        if (request.To == ContactStatus.SolutionProposed)
        {
            var sla = await SlaAsync();
            S.ProposedBy = request.ActorId;
            S.FollowUpAt = sla.Calendar.AddWorkingTime(now, sla.FollowUpAfter);
        }

        var note = request.To == ContactStatus.InDevelopment ? $"task {request.TaskKey}, due {request.Until:u}" : request.Note;
        await SetStatusAsync(request.To, request.ActorId, note);
        await PersistAsync();
        if (request.To == ContactStatus.SolutionProposed)
        {
            Tell(FactKind.SolutionProposed, request.ActorId);
        }
    }

    private async Task EscalateAsync(string operatorId, string? note, DateTimeOffset now)
    {
        var next = S.Routing!.Line + 1;
        var routing = S.Routing with { Line = next, MaxLine = next > S.Routing.MaxLine ? next : S.Routing.MaxLine, RequiredOperator = null, EnteredAt = now, EscalationsApplied = 0 };
        await SetStatusAsync(ContactStatus.Escalated, operatorId, note ?? $"escalated to {next}");
        await HandOffAsync(operatorId, ReleaseReason.Transferred, () => RequeueAsync(routing, S.Department, operatorId, $"escalated by {operatorId} to {next}"));
        TellHandled(operatorId, now);
    }

    /// <summary>Back to the queue, to its owner when they are at work.</summary>
    private async Task ResumeAsync(string by, string note)
    {
        S.ResumeAt = null;
        S.TaskKey = null;
        await RequeueAsync(await ReturnRoutingAsync(), S.Department, by, note);
    }

    private async Task CloseAsync(string? note)
    {
        S.FollowUpAt = null;
        await SetStatusAsync(ContactStatus.Confirmed, S.Request!.CustomerId, note ?? "the customer confirmed the solution");
        await Task.WhenAll(PersistAsync(), GrainFactory.GetGrain<ICustomerGrain>(S.Request.CustomerId).ContactClosedAsync(Id));
        Tell(FactKind.Closed, S.Owner);
    }

    /// <summary>The customer rejected the solution: it counts against whoever proposed it, and the ticket goes back to them.</summary>
    private async Task ReopenAsync(string? note)
    {
        S.FollowUpAt = null;
        if (S.ProposedBy is { } proposer && !proposer.StartsWith("broadcast:", StringComparison.Ordinal))
        {
            Tell(FactKind.SolutionRejected, proposer);
        }

        await SetStatusAsync(ContactStatus.Rejected, S.Request!.CustomerId, note ?? "the customer rejected the solution");
        await ResumeAsync(Router, S.Owner is null ? "reopened: the solution was rejected" : $"reopened to {S.Owner}: the solution was rejected");
    }

    /// <summary>The customer gave up waiting: the ticket closes, its department counts it, and a phone call becomes a missed call.</summary>
    /// <remarks>An offer on its way from the department finds the ticket closed and gives the operator back.</remarks>
    private async Task AbandonAsync(string? note, DateTimeOffset now)
    {
        var waiting = S.Status == ContactStatus.Queued;
        var offeredTo = S.OperatorId;
        S.OperatorId = null;
        var missed = S.Request!.Channel == Channel.Phone ? $"{Id}-missed" : null;
        if (missed is not null)
        {
            S.Links.Add(missed);
        }

        // Closed and written first: a queue or an offer left behind by a failure after this finds the ticket closed and
        // lets it go (an offer lapses, a dispatch from the queue hands the operator back); the other way round, a ticket
        // whose write failed would wait in no queue at all.
        await SetStatusAsync(ContactStatus.Abandoned, S.Request.CustomerId, note ?? "the customer gave up waiting");
        await Task.WhenAll(PersistAsync(), GrainFactory.GetGrain<ICustomerGrain>(S.Request.CustomerId).ContactClosedAsync(Id));
        if (waiting)
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).WithdrawAsync(Id);
        }
        else if (offeredTo is not null)
        {
            await GrainFactory.GetGrain<IOperatorGrain>(offeredTo).ReleaseAsync(Id, ReleaseReason.Abandoned);
        }

        _ = GrainFactory.GetGrain<IDepartmentGrain>(S.Department).AbandonedAsync(Id, now - S.Routing!.EnteredAt);
        if (missed is not null)
        {
            await GrainFactory.GetGrain<IMissedCallGrain>(missed).RegisterAsync(new MissedCall(S.Request.CustomerId, now, S.Department, null, S.Request.Topic));
        }
    }

    /// <summary>
    /// The routing of a ticket coming back: to its owner alone when they are at work (an SLA re-dispatch frees it if
    /// they never take it), else to anyone eligible; the customer's exclusions as they are now.
    /// </summary>
    private async Task<WaitingContact> ReturnRoutingAsync()
    {
        var now = time.GetUtcNow();
        var exclusions = (await GrainFactory.GetGrain<ICustomerGrain>(S.Request!.CustomerId).ProfileAsync()).Exclusions;
        var owner = S.Owner is { } id && !exclusions.Contains(id) && (await GrainFactory.GetGrain<IOperatorGrain>(id).GetAsync()).Value is { Presence: not Presence.Offline }
            ? id
            : null;
        return S.Routing! with
        {
            RequiredOperator = owner,
            LastAgent = S.Owner ?? S.Routing.LastAgent,
            Excluded = [.. exclusions.Union(S.Declined, StringComparer.Ordinal).Where(excluded => excluded != owner)],
            EnteredAt = now,
            EscalationsApplied = 0,
        };
    }

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
