namespace Helpdesk.Grains.Sla;

/// <summary>A work calendar was used for time arithmetic although <see cref="WorkCalendar.Problem"/> says it is unusable.</summary>
public sealed class UnusableCalendarException(string message) : InvalidOperationException(message);
