namespace Helpdesk.Grains.Reports;

/// <summary>The contacts of a day or a month across the center.</summary>
/// <param name="Period">The day (<c>yyyy-MM-dd</c>) or month (<c>yyyy-MM</c>) it covers.</param>
/// <param name="From">Its first UTC day.</param>
/// <param name="To">Its last UTC day.</param>
/// <param name="Totals">The period's totals.</param>
/// <param name="Channels">Created and closed by channel.</param>
/// <param name="Departments">Created, closed and worked by department, every department listed.</param>
/// <param name="Topics">Created and closed by category and topic.</param>
/// <param name="TopReasons">The most frequent request reasons (topics by tickets created) of each category.</param>
/// <param name="Operators">Each operator's productivity.</param>
/// <param name="Violations">SLA violations by status and degree.</param>
/// <param name="Ratings">The customers' ratings.</param>
public sealed record ContactReport(
    string Period,
    DateOnly From,
    DateOnly To,
    ContactTotals Totals,
    IReadOnlyList<ChannelCount> Channels,
    IReadOnlyList<DepartmentRow> Departments,
    IReadOnlyList<TopicCount> Topics,
    IReadOnlyList<ReasonRow> TopReasons,
    IReadOnlyList<ProductivityRow> Operators,
    IReadOnlyList<ViolationRow> Violations,
    RatingSummary Ratings);
