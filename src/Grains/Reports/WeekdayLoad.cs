namespace Helpdesk.Grains.Reports;

/// <summary>Arrivals on one weekday over a period.</summary>
/// <param name="Weekday">The weekday.</param>
/// <param name="Days">How many of them the period holds.</param>
/// <param name="Arrivals">Tickets that arrived on them.</param>
/// <param name="AveragePerDay">Arrivals per such day, to 0.01; zero when the period holds none.</param>
public sealed record WeekdayLoad(DayOfWeek Weekday, int Days, int Arrivals, double AveragePerDay);
