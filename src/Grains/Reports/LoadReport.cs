namespace Helpdesk.Grains.Reports;

/// <summary>The center's load rhythm and its departments' utilization over a period.</summary>
/// <param name="From">The first UTC day.</param>
/// <param name="To">The last UTC day.</param>
/// <param name="Days">Days in the period.</param>
/// <param name="Arrivals">Tickets that arrived.</param>
/// <param name="ByHour">Arrivals by UTC hour of day, 0–23.</param>
/// <param name="ByWeekday">Arrivals by weekday, Monday first.</param>
/// <param name="ByMonth">Arrivals by month, in order.</param>
/// <param name="Departments">Each department's utilization, every department listed.</param>
public sealed record LoadReport(
    DateOnly From,
    DateOnly To,
    int Days,
    int Arrivals,
    IReadOnlyList<HourLoad> ByHour,
    IReadOnlyList<WeekdayLoad> ByWeekday,
    IReadOnlyList<MonthLoad> ByMonth,
    IReadOnlyList<DepartmentUtilization> Departments);
