namespace Helpdesk.Grains.Reports;

/// <summary>Arrivals in one month, or the part of it a period holds.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="Days">How many of its days the period holds.</param>
/// <param name="Arrivals">Tickets that arrived on them.</param>
/// <param name="AveragePerDay">Arrivals per day, to 0.01.</param>
public sealed record MonthLoad(string Month, int Days, int Arrivals, double AveragePerDay);
