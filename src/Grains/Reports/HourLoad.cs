namespace Helpdesk.Grains.Reports;

/// <summary>Arrivals in one UTC hour of the day over a period.</summary>
/// <param name="Hour">The hour, 0–23.</param>
/// <param name="Arrivals">Tickets that arrived in it.</param>
/// <param name="AveragePerDay">Arrivals per day of the period, to 0.01.</param>
public sealed record HourLoad(int Hour, int Arrivals, double AveragePerDay);
