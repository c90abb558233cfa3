namespace Helpdesk.Grains.Reports;

/// <summary>One operator's KPI counters for one month.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Month">The UTC month, <c>yyyy-MM</c>.</param>
/// <param name="Handled">Conversations they finished.</param>
/// <param name="HandleTime">Their handle time, summed.</param>
/// <param name="Staffed">Their time at work.</param>
/// <param name="Transfers">Tickets they transferred.</param>
/// <param name="SolutionsProposed">Solutions they proposed.</param>
/// <param name="SolutionsRejected">Their solutions customers rejected.</param>
/// <param name="MeetsKpi">Whether the month meets the KPI on rejected solutions, as last judged.</param>
/// <param name="Alerted">Whether supervisors were alerted that it does not, which happens once a month.</param>
/// <param name="Violations">SLA violations charged to them.</param>
/// <param name="Ratings">Customers' ratings of their tickets.</param>
[GenerateSerializer, Alias("helpdesk.OperatorMonth")]
public sealed record OperatorMonth(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] string Month,
    [property: Id(2)] int Handled,
    [property: Id(3)] TimeSpan HandleTime,
    [property: Id(4)] TimeSpan Staffed,
    [property: Id(5)] int Transfers,
    [property: Id(6)] int SolutionsProposed,
    [property: Id(7)] int SolutionsRejected,
    [property: Id(8)] bool MeetsKpi,
    [property: Id(9)] bool Alerted,
    [property: Id(10)] int Violations,
    [property: Id(11)] RatingCounts Ratings)
{
    /// <summary>The mean handle time; zero before the first conversation.</summary>
    public TimeSpan AverageHandleTime => Handled == 0 ? TimeSpan.Zero : HandleTime / Handled;

    /// <summary>The share of proposed solutions rejected, 0–1; zero before the first proposal.</summary>
    public double RejectedShare => SolutionsProposed == 0 ? 0 : (double)SolutionsRejected / SolutionsProposed;

    /// <summary>A month with nothing counted yet: it meets the KPI.</summary>
    public static OperatorMonth Empty(string operatorId, string month) =>
        new(operatorId, month, 0, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0, MeetsKpi: true, Alerted: false, 0, RatingCounts.None);
}
