namespace Helpdesk.Grains.Routing;

/// <summary>Priority with aging: the queue is served by waited time plus a boost per priority level, so nothing starves.</summary>
public static class QueueOrder
{
    /// <summary>The contact's place in the queue: higher is served first.</summary>
    public static double Score(WaitingContact contact, DateTimeOffset now, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(policy);
        return (now - contact.ArrivedAt).TotalSeconds + (contact.Priority * policy.PriorityBoost.TotalSeconds);
    }

    /// <summary>The queue in serving order; ties go to the earlier arrival, then the contact id.</summary>
    public static IEnumerable<WaitingContact> InServingOrder(IEnumerable<WaitingContact> queue, DateTimeOffset now, RoutingPolicy policy) =>
        queue
            .OrderByDescending(contact => Score(contact, now, policy))
            .ThenBy(contact => contact.ArrivedAt)
            .ThenBy(contact => contact.ContactId, StringComparer.Ordinal);
}
