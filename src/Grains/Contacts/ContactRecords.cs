using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Contacts;

/// <summary>One status a contact took, who set it and when.</summary>
/// <param name="Status">The status.</param>
/// <param name="At">When.</param>
/// <param name="By">Who: an operator or customer id, <c>router</c>, or <c>sla</c>.</param>
/// <param name="Note">Why, if there is more to say.</param>
[GenerateSerializer, Alias("helpdesk.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] ContactStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note = null);

/// <summary>One routing decision about a contact: where it went, who was considered, who won, or why it waits.</summary>
/// <param name="At">When it was decided.</param>
/// <param name="Department">The department deciding.</param>
/// <param name="Line">The line routed to.</param>
/// <param name="OperatorId">The winner, or <see langword="null"/> when it waits.</param>
/// <param name="Rule">The rule that chose the winner (<c>longest idle</c>); <see langword="null"/> when it waits.</param>
/// <param name="WaitReason">Why it waits (<c>no operator of line L1 is at work</c>); <see langword="null"/> when an operator was chosen.</param>
/// <param name="Candidates">The candidates with their scores, best first.</param>
/// <param name="QueuePosition">Its place in the queue when it waits.</param>
/// <param name="Note">A fallback, escalation or transfer that led here.</param>
[GenerateSerializer, Alias("helpdesk.RouteStep")]
public sealed record RouteStep(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Department,
    [property: Id(2)] Line Line,
    [property: Id(3)] string? OperatorId,
    [property: Id(4)] string? Rule,
    [property: Id(8)] string? WaitReason,
    [property: Id(5)] IReadOnlyList<Candidate> Candidates,
    [property: Id(6)] int? QueuePosition,
    [property: Id(7)] string? Note)
{
    /// <summary>The step a department's placement makes: the rule that chose, or the reason it waits.</summary>
    public static RouteStep Of(Placement placement, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var waits = placement.OperatorId is null;
        return new RouteStep(
            at, placement.Department, placement.Line, placement.OperatorId, waits ? null : placement.Rule, waits ? placement.Rule : null,
            placement.Candidates, placement.QueuePosition, placement.Note);
    }
}

/// <summary>What <c>POST /api/contacts</c> answers: the routing outcome at creation, replayed for the same idempotency key.</summary>
/// <param name="Id">The contact's id.</param>
/// <param name="Status">Offered or queued.</param>
/// <param name="Department">Where it went.</param>
/// <param name="Line">The line it went to.</param>
/// <param name="OperatorId">The operator it was offered to, if any.</param>
/// <param name="QueuePosition">Its place in the queue, if it waits.</param>
/// <param name="Rule">What handled it: the rule that chose its operator, or the broadcast that answered it; <see langword="null"/> when it waits.</param>
/// <param name="WaitReason">Why it waits, if it does.</param>
/// <param name="EntryRule">How karma decided its line.</param>
/// <param name="Note">A fallback that changed its route, if any.</param>
[GenerateSerializer, Alias("helpdesk.ContactReceipt")]
public sealed record ContactReceipt(
    [property: Id(0)] string Id,
    [property: Id(1)] ContactStatus Status,
    [property: Id(2)] string Department,
    [property: Id(3)] Line Line,
    [property: Id(4)] string? OperatorId,
    [property: Id(5)] int? QueuePosition,
    [property: Id(6)] string? Rule,
    [property: Id(9)] string? WaitReason,
    [property: Id(7)] string EntryRule,
    [property: Id(8)] string? Note)
{
    /// <summary>The receipt of a contact whose last routing decision is <paramref name="step"/>.</summary>
    public static ContactReceipt Of(string id, ContactStatus status, RouteStep step, string entryRule)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new ContactReceipt(id, status, step.Department, step.Line, step.OperatorId, step.QueuePosition, step.Rule, step.WaitReason, entryRule, step.Note);
    }
}

/// <summary>Where a transfer goes: exactly one of a colleague, a department or a line.</summary>
/// <param name="OperatorId">A colleague.</param>
/// <param name="Department">A department, same line.</param>
/// <param name="Line">A line of the same department.</param>
[GenerateSerializer, Alias("helpdesk.TransferTarget")]
public sealed record TransferTarget([property: Id(0)] string? OperatorId, [property: Id(1)] string? Department, [property: Id(2)] Line? Line);

/// <summary>A contact (ticket) as the API shows it, with its route explanation and its timers.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Request">What was submitted.</param>
/// <param name="Status">Its status.</param>
/// <param name="StatusSince">When it entered its status.</param>
/// <param name="Department">The department holding it.</param>
/// <param name="Line">Its line.</param>
/// <param name="OperatorId">The operator offered it or handling it live.</param>
/// <param name="Owner">The operator responsible for it: the last who accepted it.</param>
/// <param name="Transfers">How many times it was transferred.</param>
/// <param name="CreatedAt">When it arrived.</param>
/// <param name="EntryRule">How karma decided its line.</param>
/// <param name="ResumeAt">When a postponed ticket or one in development comes back to the queue.</param>
/// <param name="TaskKey">The tracker's task key while in development.</param>
/// <param name="FollowUpAt">When the first line chases a silent customer about the proposed solution.</param>
/// <param name="Sla">The SLA thresholds of the current status not crossed yet.</param>
/// <param name="Links">Related tickets, missed calls and broadcasts.</param>
/// <param name="Feedback">The customer's rating, once closed and rated.</param>
/// <param name="Route">Every routing decision, oldest first.</param>
/// <param name="History">Every status it took, who set it and when.</param>
/// <param name="Declined">Operators who declined it or let it time out; it is never offered to them again.</param>
[GenerateSerializer, Alias("helpdesk.ContactSnapshot")]
public sealed record ContactSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] NewContact Request,
    [property: Id(2)] ContactStatus Status,
    [property: Id(3)] DateTimeOffset StatusSince,
    [property: Id(4)] string Department,
    [property: Id(5)] Line Line,
    [property: Id(6)] string? OperatorId,
    [property: Id(7)] string? Owner,
    [property: Id(8)] int Transfers,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string EntryRule,
    [property: Id(11)] DateTimeOffset? ResumeAt,
    [property: Id(12)] string? TaskKey,
    [property: Id(13)] DateTimeOffset? FollowUpAt,
    [property: Id(14)] IReadOnlyList<SlaDeadline> Sla,
    [property: Id(15)] IReadOnlyList<string> Links,
    [property: Id(16)] TicketFeedback? Feedback,
    [property: Id(17)] IReadOnlyList<RouteStep> Route,
    [property: Id(18)] IReadOnlyList<StatusChange> History,
    [property: Id(19)] IReadOnlyList<string> Declined);

/// <summary>The customer's rating of a closed ticket.</summary>
/// <param name="Score">1 (poor) to 5 (excellent).</param>
/// <param name="Like">Like (true) or dislike (false), if given.</param>
/// <param name="Comment">What they said, if anything.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Alias("helpdesk.TicketFeedback")]
public sealed record TicketFeedback(
    [property: Id(0)] int Score,
    [property: Id(1)] bool? Like,
    [property: Id(2)] string? Comment,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A move of a ticket to another status by its operator, its customer or the system.</summary>
/// <param name="To">The status wanted.</param>
/// <param name="By">Who moves it.</param>
/// <param name="ActorId">The operator's or customer's id.</param>
/// <param name="Note">Why, or the solution proposed.</param>
/// <param name="Until">Until when, for postponed; the due date, for in development.</param>
/// <param name="TaskKey">The tracker's task key, for in development.</param>
[GenerateSerializer, Alias("helpdesk.StatusRequest")]
public sealed record StatusRequest(
    [property: Id(0)] ContactStatus To,
    [property: Id(1)] TicketActor By,
    [property: Id(2)] string ActorId,
    [property: Id(3)] string? Note = null,
    [property: Id(4)] DateTimeOffset? Until = null,
    [property: Id(5)] string? TaskKey = null);

/// <summary>A task the center creates for itself: a callback for a missed call, or a follow-up of a silent customer.</summary>
/// <param name="Request">The contact to make.</param>
/// <param name="Origin">What it comes from, e.g. a missed call's or a ticket's id; linked both ways.</param>
/// <param name="OperatorId">The operator it is meant for, if any; else anyone of the department's first line.</param>
/// <param name="DueAt">When it is due; before then it waits postponed.</param>
[GenerateSerializer, Alias("helpdesk.ContactTask")]
public sealed record ContactTask(
    [property: Id(0)] NewContact Request,
    [property: Id(1)] string Origin,
    [property: Id(2)] string? OperatorId,
    [property: Id(3)] DateTimeOffset DueAt);
