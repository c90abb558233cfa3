using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Reports;

/// <summary>Each report as CSV tables: one section per list of the JSON answer, named and headed as JSON names them.</summary>
internal static class ReportTables
{
    /// <summary>The daily or monthly contacts report.</summary>
    public static IReadOnlyList<CsvTable> Of(ContactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var totals = report.Totals;
        return
        [
            new("totals", [], ["created", "closed", "deflected", "handled", "transfers", "solutionsProposed", "solutionsRejected"],
                [[totals.Created, totals.Closed, totals.Deflected, totals.Handled, totals.Transfers, totals.SolutionsProposed, totals.SolutionsRejected]]),
            new("channels", ["channel"], ["created", "closed"],
                [.. report.Channels.Select(row => new object?[] { row.Channel, row.Created, row.Closed })]),
            new("departments", ["department"], ["created", "closed", "deflected", "handled", "transfers"],
                [.. report.Departments.Select(row => new object?[] { row.Department, row.Created, row.Closed, row.Deflected, row.Handled, row.Transfers })]),
            new("topics", ["category", "topic"], ["created", "closed"],
                [.. report.Topics.Select(row => new object?[] { row.Category, row.Topic, row.Created, row.Closed })]),
            new("topReasons", ["category", "rank", "topic"], ["created"],
                [.. report.TopReasons.Select(row => new object?[] { row.Category, row.Rank, row.Topic, row.Created })]),
            new("operators", ["operatorId"], ["handled", "handleSeconds", "averageHandleSeconds", "staffedSeconds"],
                [.. report.Operators.Select(row => new object?[] { row.OperatorId, row.Handled, row.HandleSeconds, row.AverageHandleSeconds, row.StaffedSeconds })]),
            Violations("violations", report.Violations),
            new("ratings", [], ["count", "averageScore", "likes", "dislikes"],
                [[report.Ratings.Count, report.Ratings.AverageScore, report.Ratings.Likes, report.Ratings.Dislikes]]),
        ];
    }

    /// <summary>The load report.</summary>
    public static IReadOnlyList<CsvTable> Of(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new("totals", [], ["days", "arrivals"], [[report.Days, report.Arrivals]]),
            new("byHour", ["hour"], ["arrivals", "averagePerDay"],
                [.. report.ByHour.Select(row => new object?[] { row.Hour, row.Arrivals, row.AveragePerDay })]),
            new("byWeekday", ["weekday"], ["days", "arrivals", "averagePerDay"],
                [.. report.ByWeekday.Select(row => new object?[] { row.Weekday, row.Days, row.Arrivals, row.AveragePerDay })]),
            new("byMonth", ["month"], ["days", "arrivals", "averagePerDay"],
                [.. report.ByMonth.Select(row => new object?[] { row.Month, row.Days, row.Arrivals, row.AveragePerDay })]),
            new("departments", ["department"], ["staffedSeconds", "busySeconds", "utilization", "underload"],
                [.. report.Departments.Select(row => new object?[] { row.Department, row.StaffedSeconds, row.BusySeconds, row.Utilization, row.Underload })]),
        ];
    }

    /// <summary>An operator's month: one row, ratings flattened.</summary>
    public static IReadOnlyList<CsvTable> Of(OperatorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new(
                "operator",
                ["operatorId", "month"],
                ["handled", "handleSeconds", "averageHandleSeconds", "staffedSeconds", "transfers", "solutionsProposed", "solutionsRejected",
                    "rejectedShare", "meetsKpi", "alerted", "violations", "ratings", "averageScore", "likes", "dislikes"],
                [[report.OperatorId, report.Month, report.Handled, report.HandleSeconds, report.AverageHandleSeconds, report.StaffedSeconds,
                    report.Transfers, report.SolutionsProposed, report.SolutionsRejected, report.RejectedShare, report.MeetsKpi, report.Alerted,
                    report.Violations, report.Ratings.Count, report.Ratings.AverageScore, report.Ratings.Likes, report.Ratings.Dislikes]]),
        ];
    }

    /// <summary>A list of violations.</summary>
    public static IReadOnlyList<CsvTable> Of(IReadOnlyList<SlaViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return
        [
            new(
                "violations",
                ["id"],
                ["contactId", "status", "degree", "operatorId", "department", "at", "enteredAt", "action"],
                [.. violations.Select(v => new object?[] { v.Id, v.ContactId, v.Status, v.Degree, v.OperatorId, v.Department, v.At, v.EnteredAt, v.Action })]),
        ];
    }

    /// <summary>The status × degree table of a violation summary.</summary>
    public static IReadOnlyList<CsvTable> Of(ViolationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [Violations("violations", summary.Rows)];
    }

    private static CsvTable Violations(string section, IReadOnlyList<ViolationRow> rows) =>
        new(section, ["status"], ["warning", "violation", "critical", "total"],
            [.. rows.Select(row => new object?[] { row.Status, row.Warning, row.Violation, row.Critical, row.Total })]);
}
