using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Contacts;

/// <summary>
/// The ticket's timers: SLA thresholds of its status, its return from postponement, the follow-up of a silent customer,
/// and another try at freeing an operator who could not be reached.
/// </summary>
/// <remarks>
/// One <see cref="WakeReminder"/> is always set at the earliest of them, registered before the state that needs it is
/// written. A crossed threshold is recorded in its department's day under an id unique per ticket, status entry and
/// degree, before the ticket forgets it: a tick delivered twice, or again after a failover, records it once. A tick can
/// come late (its silo died, and a survivor takes the reminder over within a reminder period), so a ticket leaving a
/// status first records the thresholds of it that fell due meanwhile; their actions no longer apply.
/// </remarks>
internal sealed partial class ContactGrain
{
    private const string SlaActor = "sla";

    private WakeReminder? _wake;
    private SlaPolicy? _sla;
    private string? _slaOf;

    private WakeReminder Wake => _wake ??= new(this, "wake", time, reminders.Value.MinimumReminderPeriod);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Wake.Name)
        {
            return;
        }

        if (await AbsentAsync())
        {
            // Set by a creation whose write then failed: nothing to wake.
            await Wake.ClearAsync();
            return;
        }

        await FreeOperatorAsync();
        var now = time.GetUtcNow();
        var entry = S.Entry;
        foreach (var deadline in S.Deadlines.Where(deadline => deadline.DueAt <= now).ToList())
        {
            if (S.Entry != entry)
            {
                break;
            }

            await CrossAsync(deadline);
        }

        if (S.Status == ContactStatus.SolutionProposed && S.FollowUpAt <= now)
        {
            await FollowUpAsync(now);
        }

        if (S.Status is ContactStatus.Postponed or ContactStatus.InDevelopment && S.ResumeAt <= now)
        {
            await ResumeAsync(Router, S.Status == ContactStatus.Postponed ? "the postponement ended" : $"task {S.TaskKey} is due");
        }

        await PersistAsync();
    }

    /// <summary>Records the status change with who and when; a new status (not a repeat) starts a new entry and arms its thresholds.</summary>
    private async Task SetStatusAsync(ContactStatus status, string by, string? note = null)
    {
        var now = time.GetUtcNow();
        S.History.Add(new StatusChange(status, now, by, note));
        if (status == S.Status && S.Entry > 0)
        {
            return;
        }

        foreach (var overdue in S.Deadlines.Where(deadline => deadline.DueAt <= now).ToList())
        {
            await RecordAsync(overdue);
        }

        S.Status = status;
        S.Entry++;
        S.EnteredAt = now;
        S.Deadlines = [.. (await SlaAsync()).Deadlines(status, S.Routing!.Priority, now)];
    }

    private async Task<SlaPolicy> SlaAsync()
    {
        if (_sla is null || _slaOf != S.Department)
        {
            _sla = await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).SlaAsync() ?? centerSla;
            _slaOf = S.Department;
        }

        return _sla;
    }

    private DateTimeOffset? NextWake()
    {
        DateTimeOffset?[] times =
        [
            S.Deadlines.Count > 0 ? S.Deadlines.Min(deadline => deadline.DueAt) : null,
            S.Status is ContactStatus.Postponed or ContactStatus.InDevelopment ? S.ResumeAt : null,
            S.Status == ContactStatus.SolutionProposed ? S.FollowUpAt : null,
            S.Releasing is null ? null : _releaseRetryAt,
        ];
        return times.Min();
    }

    /// <summary>Sets the wake-up reminder to the earliest timer, writes the state, and removes a reminder no longer needed.</summary>
    private async Task PersistAsync()
    {
        var wake = NextWake();
        if (wake is { } due)
        {
            await Wake.SetAsync(due);
        }

        await state.SaveAsync(DeactivateOnIdle);
        if (wake is null)
        {
            await Wake.ClearAsync();
        }
    }

    private async Task CrossAsync(SlaDeadline deadline)
    {
        await RecordAsync(deadline);
        var note = $"SLA {Name(deadline.Degree)} in {Name(S.Status).Replace('_', ' ')}";
        switch (deadline.Action)
        {
            case SlaAction.RaisePriority when S.Routing!.Priority < 5:
                await RaisePriorityAsync($"{note}: priority raised to {S.Routing.Priority + 1}");
                break;
            case SlaAction.Redispatch when S.Status is ContactStatus.Queued or ContactStatus.Offered:
                await RedispatchAsync($"{note}: dispatched again");
                break;
        }

        await PersistAsync();
    }

    /// <summary>Records the crossing of <paramref name="deadline"/> in the current status entry, and forgets the deadline.</summary>
    private async Task RecordAsync(SlaDeadline deadline)
    {
        var violation = new SlaViolation(
            $"{Id}:{S.Entry}:{(int)deadline.Degree}", Id, S.Status, deadline.Degree, S.OperatorId ?? S.Owner, S.Department, deadline.DueAt, S.EnteredAt, deadline.Action);
        await GrainFactory.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(S.Department, deadline.DueAt)).AddViolationAsync(violation);
        S.Deadlines.Remove(deadline);
        instruments.SlaCrossed(Name(deadline.Degree));
    }

    private async Task RaisePriorityAsync(string note)
    {
        var routing = S.Routing! with { Priority = S.Routing.Priority + 1 };
        if (S.Status == ContactStatus.Queued && await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).WithdrawAsync(Id))
        {
            await RequeueAsync(routing, S.Department, SlaActor, note);
            return;
        }

        S.Routing = routing;
        S.History.Add(new StatusChange(S.Status, time.GetUtcNow(), SlaActor, note));
    }

    /// <summary>Takes a waiting or offered ticket back and dispatches it at the next line, to anyone eligible.</summary>
    private async Task RedispatchAsync(string note)
    {
        var offeredTo = S.Status == ContactStatus.Offered ? S.OperatorId : null;
        if (offeredTo is null && !await GrainFactory.GetGrain<IDepartmentGrain>(S.Department).WithdrawAsync(Id))
        {
            // It was offered a moment ago: the offer's own timeout takes over.
            return;
        }

        var next = S.Routing!.Line < Line.L3 ? S.Routing.Line + 1 : S.Routing.Line;
        var routing = S.Routing with
        {
            Line = next,
            MaxLine = next > S.Routing.MaxLine ? next : S.Routing.MaxLine,
            RequiredOperator = null,
            EnteredAt = time.GetUtcNow(),
            EscalationsApplied = 0,
        };
        await SetStatusAsync(ContactStatus.Escalated, SlaActor, $"{note} at {next}");
        await RequeueAsync(routing, S.Department, SlaActor, note);
        if (offeredTo is not null)
        {
            await GrainFactory.GetGrain<IOperatorGrain>(offeredTo).ReleaseAsync(Id, ReleaseReason.Transferred);
        }
    }

    /// <summary>The customer stayed silent about the proposed solution: the first line gets a task to chase them.</summary>
    private async Task FollowUpAsync(DateTimeOffset now)
    {
        S.FollowUps++;
        S.FollowUpAt = null;
        var task = $"{Id}-f{S.FollowUps}";
        var request = S.Request! with { Channel = Channel.Phone, Topic = $"follow-up: {S.Request.Topic}", Department = S.Department, Skill = null, MinProficiency = 0 };
        var created = await GrainFactory.GetGrain<IContactGrain>(task).CreateTaskAsync(new ContactTask(request, Id, null, now));
        if (created.Status == ReplyStatus.Ok)
        {
            S.Links.Add(task);
            S.History.Add(new StatusChange(S.Status, now, Router, $"the customer is silent: follow-up {task} for the first line"));
        }
    }

    /// <summary>Counts a fact in the department's day and, for an operator's fact, in their month.</summary>
    private void Tell(FactKind kind, string? operatorId = null, TimeSpan? duration = null, int? score = null, bool? like = null)
    {
        var now = time.GetUtcNow();
        var fact = new ContactFact(kind, now, S.Department, Id, S.Request!.Channel, S.Request.Topic, S.Request.Category, operatorId, duration, score, like);
        _ = GrainFactory.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(S.Department, now)).RecordAsync(fact);
        if (operatorId is not null)
        {
            _ = GrainFactory.GetGrain<IOperatorMonthGrain>(ReportKeys.OperatorMonth(operatorId, now)).RecordAsync(fact);
        }
    }

    /// <summary>Counts a conversation that ended, and tells its department the handle time for its load model.</summary>
    private void TellHandled(string operatorId, DateTimeOffset now)
    {
        var duration = now - (S.AcceptedAt ?? now);
        Tell(FactKind.Handled, operatorId, duration);
        _ = GrainFactory.GetGrain<IDepartmentGrain>(S.Department).HandledAsync(duration);
    }
}
