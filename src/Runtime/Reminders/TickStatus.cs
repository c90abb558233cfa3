namespace Helpdesk.Runtime.Reminders;

/// <summary>Which occurrence of a reminder is being delivered.</summary>
/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">The time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
/// <param name="CurrentTickTime">The scheduled time of this tick, not the time it was delivered.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
