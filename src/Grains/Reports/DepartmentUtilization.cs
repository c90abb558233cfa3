namespace Helpdesk.Grains.Reports;

/// <summary>How busy a department's operators were while at work over a period.</summary>
/// <param name="Department">The department.</param>
/// <param name="StaffedSeconds">Time its operators were at work.</param>
/// <param name="BusySeconds">Their handle time.</param>
/// <param name="Utilization">Busy over staffed time, to 0.0001; above 1 when operators hold several contacts at once; <see langword="null"/> when nobody was at work.</param>
/// <param name="Underload">1 − utilization, never below 0: the share of paid time left idle; <see langword="null"/> when nobody was at work.</param>
public sealed record DepartmentUtilization(string Department, double StaffedSeconds, double BusySeconds, double? Utilization, double? Underload);
