using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Contacts;

/// <summary>One status a contact took, who set it and when.</summary>
/// <param name="Status">The status.</param>
/// <param name="At">When.</param>
/// <param name="By">Who: an operator or customer id, <c>router</c>, or <c>sla</c>.</param>
/// <param name="Note">Why, if there is more to say.</param>
public sealed record StatusChange(ContactStatus Status, DateTimeOffset At, string By, string? Note = null);

/// <summary>One routing decision about a contact: where it went, who was considered, who won, or why it waits.</summary>
/// <param name="At">When it was decided.</param>
/// <param name="Department">The department deciding.</param>
/// <param name="Line">The line routed to.</param>
/// <param name="OperatorId">The winner, or <see langword="null"/> when it waits.</param>
/// <param name="Rule">The rule that chose, or why it waits.</param>
/// <param name="Candidates">The candidates with their scores, best first.</param>
/// <param name="QueuePosition">Its place in the queue when it waits.</param>
/// <param name="Note">A fallback, escalation or transfer that led here.</param>
public sealed record RouteStep(DateTimeOffset At, string Department, Line Line, string? OperatorId, string Rule, IReadOnlyList<Candidate> Candidates, int? QueuePosition, string? Note);

/// <summary>What <c>POST /api/contacts</c> answers: the routing outcome at creation, replayed for the same idempotency key.</summary>
/// <param name="Id">The contact's id.</param>
/// <param name="Status">Offered or queued.</param>
/// <param name="Department">Where it went.</param>
/// <param name="Line">The line it went to.</param>
/// <param name="OperatorId">The operator it was offered to, if any.</param>
/// <param name="QueuePosition">Its place in the queue, if it waits.</param>
/// <param name="Rule">The rule that chose, or why it waits.</param>
/// <param name="EntryRule">How karma decided its line.</param>
/// <param name="Note">A fallback that changed its route, if any.</param>
public sealed record ContactReceipt(string Id, ContactStatus Status, string Department, Line Line, string? OperatorId, int? QueuePosition, string Rule, string EntryRule, string? Note);

/// <summary>Where a transfer goes: exactly one of a colleague, a department or a line.</summary>
/// <param name="OperatorId">A colleague.</param>
/// <param name="Department">A department, same line.</param>
/// <param name="Line">A line of the same department.</param>
public sealed record TransferTarget(string? OperatorId, string? Department, Line? Line);

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
public sealed record ContactSnapshot(
    string Id,
    NewContact Request,
    ContactStatus Status,
    DateTimeOffset StatusSince,
    string Department,
    Line Line,
    string? OperatorId,
    string? Owner,
    int Transfers,
    DateTimeOffset CreatedAt,
    string EntryRule,
    DateTimeOffset? ResumeAt,
    string? TaskKey,
    DateTimeOffset? FollowUpAt,
    IReadOnlyList<SlaDeadline> Sla,
    IReadOnlyList<string> Links,
    TicketFeedback? Feedback,
    IReadOnlyList<RouteStep> Route,
    IReadOnlyList<StatusChange> History,
    IReadOnlyList<string> Declined);

/// <summary>The customer's rating of a closed ticket.</summary>
/// <param name="Score">1 (poor) to 5 (excellent).</param>
/// <param name="Like">Like (true) or dislike (false), if given.</param>
/// <param name="Comment">What they said, if anything.</param>
/// <param name="At">When.</param>
public sealed record TicketFeedback(int Score, bool? Like, string? Comment, DateTimeOffset At);

/// <summary>A move of a ticket to another status by its operator, its customer or the system.</summary>
/// <param name="To">The status wanted.</param>
/// <param name="By">Who moves it.</param>
/// <param name="ActorId">The operator's or customer's id.</param>
/// <param name="Note">Why, or the solution proposed.</param>
/// <param name="Until">Until when, for postponed; the due date, for in development.</param>
/// <param name="TaskKey">The tracker's task key, for in development.</param>
public sealed record StatusRequest(ContactStatus To, TicketActor By, string ActorId, string? Note = null, DateTimeOffset? Until = null, string? TaskKey = null);

/// <summary>A task the center creates for itself: a callback for a missed call, or a follow-up of a silent customer.</summary>
/// <param name="Request">The contact to make.</param>
/// <param name="Origin">What it comes from, e.g. a missed call's or a ticket's id; linked both ways.</param>
/// <param name="OperatorId">The operator it is meant for, if any; else anyone of the department's first line.</param>
/// <param name="DueAt">When it is due; before then it waits postponed.</param>
public sealed record ContactTask(NewContact Request, string Origin, string? OperatorId, DateTimeOffset DueAt);
