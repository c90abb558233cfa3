namespace Helpdesk.Grains.Contacts;

/// <summary>Which status may follow which, and who may make the move.</summary>
/// <remarks>
/// Only the customer closes a ticket: confirming a proposed solution, or giving up before an answer.
/// <see cref="ContactStatus.Rejected"/> and <see cref="ContactStatus.Escalated"/> are passing statuses: the router
/// queues the ticket again at once, to the same operator or to the next line.
/// </remarks>
public static class TicketLifecycle
{
    private static readonly Dictionary<ContactStatus, (ContactStatus To, TicketActor By)[]> Moves = new()
    {
        [ContactStatus.Queued] =
        [
            (ContactStatus.Offered, TicketActor.Router), (ContactStatus.InProgress, TicketActor.Operator), (ContactStatus.Escalated, TicketActor.Router),
            (ContactStatus.Abandoned, TicketActor.Customer),
        ],
        [ContactStatus.Offered] =
        [
            (ContactStatus.InProgress, TicketActor.Operator), (ContactStatus.Queued, TicketActor.Operator), (ContactStatus.Queued, TicketActor.Router),
            (ContactStatus.Escalated, TicketActor.Router), (ContactStatus.Abandoned, TicketActor.Customer),
        ],
        [ContactStatus.InProgress] =
        [
            (ContactStatus.WaitingForCustomer, TicketActor.Operator), (ContactStatus.Postponed, TicketActor.Operator), (ContactStatus.InDevelopment, TicketActor.Operator),
            (ContactStatus.SolutionProposed, TicketActor.Operator), (ContactStatus.Escalated, TicketActor.Operator), (ContactStatus.Queued, TicketActor.Operator),
            (ContactStatus.Queued, TicketActor.Router), (ContactStatus.Escalated, TicketActor.Router),
        ],
        [ContactStatus.WaitingForCustomer] = [(ContactStatus.Queued, TicketActor.Customer), (ContactStatus.Queued, TicketActor.Operator)],
        [ContactStatus.Postponed] = [(ContactStatus.Queued, TicketActor.Router), (ContactStatus.Queued, TicketActor.Operator)],
        [ContactStatus.InDevelopment] = [(ContactStatus.Queued, TicketActor.Router), (ContactStatus.Queued, TicketActor.Operator)],
        [ContactStatus.SolutionProposed] = [(ContactStatus.Confirmed, TicketActor.Customer), (ContactStatus.Rejected, TicketActor.Customer)],
        [ContactStatus.Rejected] = [(ContactStatus.Queued, TicketActor.Router)],
        [ContactStatus.Escalated] = [(ContactStatus.Queued, TicketActor.Router)],
        [ContactStatus.Confirmed] = [],
        [ContactStatus.Abandoned] = [],
    };

    /// <summary>The statuses <paramref name="by"/> may move a ticket to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ContactStatus> Allowed(ContactStatus from, TicketActor by) =>
        [.. Moves[from].Where(move => move.By == by).Select(move => move.To).Distinct()];

    /// <summary>Whether <paramref name="by"/> may move a ticket from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(ContactStatus from, ContactStatus to, TicketActor by) => Moves[from].Contains((to, by));

    /// <summary>Whether the ticket is closed: nothing moves it any more.</summary>
    public static bool IsClosed(ContactStatus status) => status is ContactStatus.Confirmed or ContactStatus.Abandoned;

    /// <summary>Whether an operator holds the ticket live, using their capacity on its channel.</summary>
    public static bool HoldsOperator(ContactStatus status) => status is ContactStatus.Offered or ContactStatus.InProgress;
}
