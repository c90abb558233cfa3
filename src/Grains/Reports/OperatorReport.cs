namespace Helpdesk.Grains.Reports;

/// <summary>One operator's month as the reports show it, times in seconds.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Month">The UTC month, <c>yyyy-MM</c>.</param>
/// <param name="Handled">Conversations they finished.</param>
/// <param name="HandleSeconds">Their handle time, summed.</param>
/// <param name="AverageHandleSeconds">Their mean handle time, to 0.01 s; zero when they handled none.</param>
/// <param name="StaffedSeconds">Their time at work.</param>
/// <param name="Transfers">Tickets they transferred.</param>
/// <param name="SolutionsProposed">Solutions they proposed.</param>
/// <param name="SolutionsRejected">Their solutions customers rejected.</param>
/// <param name="RejectedShare">Rejected over proposed, to 0.0001.</param>
/// <param name="MeetsKpi">Whether the month meets the KPI on rejected solutions.</param>
/// <param name="Alerted">Whether supervisors were alerted that it did not.</param>
/// <param name="Violations">SLA violations charged to them.</param>
/// <param name="Ratings">Customers' ratings of their tickets.</param>
public sealed record OperatorReport(
    string OperatorId,
    string Month,
    int Handled,
    double HandleSeconds,
    double AverageHandleSeconds,
    double StaffedSeconds,
    int Transfers,
    int SolutionsProposed,
    int SolutionsRejected,
    double RejectedShare,
    bool MeetsKpi,
    bool Alerted,
    int Violations,
    RatingSummary Ratings);
