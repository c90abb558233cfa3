using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Departments;

/// <summary>Where a department put a contact: offered to an operator, or waiting in its queue, and why.</summary>
/// <param name="Department">The department.</param>
/// <param name="Line">The line it is routed to, after any fallback.</param>
/// <param name="OperatorId">The operator reserved for it, or <see langword="null"/> when it waits.</param>
/// <param name="Rule">The rule that chose the operator, or why it waits.</param>
/// <param name="Candidates">The best candidates considered (up to five), with their scores, best first.</param>
/// <param name="QueuePosition">Its place in the queue (1 = next) when it waits.</param>
/// <param name="Note">A fallback or escalation that changed its route, if any.</param>
[GenerateSerializer, Alias("helpdesk.Placement")]
public sealed record Placement(
    [property: Id(0)] string Department,
    [property: Id(1)] Line Line,
    [property: Id(2)] string? OperatorId,
    [property: Id(3)] string Rule,
    [property: Id(4)] IReadOnlyList<Candidate> Candidates,
    [property: Id(5)] int? QueuePosition,
    [property: Id(6)] string? Note = null);
