using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tickets;

/// <summary>How the regulation closes a missed call.</summary>
/// <param name="LinkedTo">The ticket where the customer was reached after the call, or <see langword="null"/> when a callback is due.</param>
/// <param name="Channel">The callback's channel: a phone call while the call is fresh (two working days), an e-mail after.</param>
/// <param name="DueAt">When the callback is due: now in working time, else the next working hours.</param>
/// <param name="Reason">Why, in words, for the missed call's record.</param>
public sealed record MissedCallDecision(string? LinkedTo, Channel Channel, DateTimeOffset DueAt, string Reason);
