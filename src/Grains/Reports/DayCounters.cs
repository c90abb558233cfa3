namespace Helpdesk.Grains.Reports;

/// <summary>One department's counters for one day.</summary>
/// <param name="Department">The department.</param>
/// <param name="Day">The UTC day.</param>
public sealed record DayCounters(string Department, DateOnly Day);
