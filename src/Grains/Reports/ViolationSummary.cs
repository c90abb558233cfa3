namespace Helpdesk.Grains.Reports;

/// <summary>The SLA violations crossed in a period, by status and degree.</summary>
/// <param name="From">The period's start, included.</param>
/// <param name="To">The period's end, excluded.</param>
/// <param name="Department">The one department counted, or <see langword="null"/> for all.</param>
/// <param name="Total">Every violation counted.</param>
/// <param name="Rows">One row per status with violations, in status order.</param>
public sealed record ViolationSummary(DateTimeOffset From, DateTimeOffset To, string? Department, int Total, IReadOnlyList<ViolationRow> Rows);
