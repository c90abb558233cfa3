namespace Helpdesk.Grains.Broadcasts;

/// <summary>An announcement of an outage, an update or planned work.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Scope">Whom it concerns.</param>
/// <param name="Department">The department, for <see cref="BroadcastScope.Department"/>.</param>
/// <param name="Topic">The topic, for <see cref="BroadcastScope.Topic"/> (matched without regard to case).</param>
/// <param name="Message">What customers are told.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends, unless ended earlier.</param>
/// <param name="EndedAt">When it was ended by hand, if it was.</param>
[GenerateSerializer, Alias("helpdesk.Broadcast")]
public sealed record Broadcast(
    [property: Id(0)] string Id,
    [property: Id(1)] BroadcastScope Scope,
    [property: Id(2)] string? Department,
    [property: Id(3)] string? Topic,
    [property: Id(4)] string Message,
    [property: Id(5)] DateTimeOffset Start,
    [property: Id(6)] DateTimeOffset End,
    [property: Id(7)] DateTimeOffset? EndedAt = null);
