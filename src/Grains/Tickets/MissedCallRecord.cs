using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tickets;

/// <summary>A missed call and how the regulation closed it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Call">The call as reported.</param>
/// <param name="Topic">Its topic: the one reported, else the one of the ticket where the customer was reached, else <c>callback</c>.</param>
/// <param name="LinkedTo">The ticket where the customer was reached after the call, if so.</param>
/// <param name="Callback">The callback task created, if the customer was not reached.</param>
/// <param name="Channel">The callback's channel.</param>
/// <param name="DueAt">When the callback is due.</param>
/// <param name="Reason">Why it was closed this way.</param>
/// <param name="ClosedAt">When it was closed: at once, always.</param>
[GenerateSerializer, Alias("helpdesk.MissedCallRecord")]
public sealed record MissedCallRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] MissedCall Call,
    [property: Id(2)] string Topic,
    [property: Id(3)] string? LinkedTo,
    [property: Id(4)] string? Callback,
    [property: Id(5)] Channel? Channel,
    [property: Id(6)] DateTimeOffset? DueAt,
    [property: Id(7)] string Reason,
    [property: Id(8)] DateTimeOffset ClosedAt);
