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
public sealed record Broadcast(string Id, BroadcastScope Scope, string? Department, string? Topic, string Message, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? EndedAt = null);
