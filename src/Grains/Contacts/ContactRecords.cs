using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Contacts;

/// <summary>One status a contact took, who set it and when.</summary>
/// <param name="Status">The status.</param>
/// <param name="At">When.</param>
/// <param name="By">Who: an operator id, or <c>router</c>.</param>
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

/// <summary>A contact as the API shows it, with its route explanation.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Request">What was submitted.</param>
/// <param name="Status">Its status.</param>
/// <param name="Department">The department holding it.</param>
/// <param name="Line">Its line.</param>
/// <param name="OperatorId">The operator offered it or handling it.</param>
/// <param name="Transfers">How many times it was transferred.</param>
/// <param name="CreatedAt">When it arrived.</param>
/// <param name="EntryRule">How karma decided its line.</param>
/// <param name="Route">Every routing decision, oldest first.</param>
/// <param name="History">Every status it took.</param>
/// <param name="Declined">Operators who declined it or let it time out; it is never offered to them again.</param>
public sealed record ContactSnapshot(
    string Id,
    NewContact Request,
    ContactStatus Status,
    string Department,
    Line Line,
    string? OperatorId,
    int Transfers,
    DateTimeOffset CreatedAt,
    string EntryRule,
    IReadOnlyList<RouteStep> Route,
    IReadOnlyList<StatusChange> History,
    IReadOnlyList<string> Declined);
