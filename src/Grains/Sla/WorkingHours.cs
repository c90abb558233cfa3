namespace Helpdesk.Grains.Sla;

/// <summary>One day's working hours in the calendar's time zone; <see cref="Start"/> before <see cref="End"/>.</summary>
/// <param name="Start">When work starts.</param>
/// <param name="End">When work ends.</param>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End);
