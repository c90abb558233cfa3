namespace Helpdesk.Grains.Reports;

/// <summary>One operator's KPI counters for one month.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Month">The UTC month, <c>yyyy-MM</c>.</param>
public sealed record OperatorMonth(string OperatorId, string Month);
