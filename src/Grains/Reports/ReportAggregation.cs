using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Reports;

/// <summary>Merges department days into the center's reports; pure, so the API only fetches and formats.</summary>
/// <remarks>Averages and shares are rounded (seconds and averages to 0.01, shares to 0.0001) so JSON and CSV read alike.</remarks>
public static class ReportAggregation
{
    /// <summary>How many request reasons per category a report lists unless asked otherwise.</summary>
    public const int DefaultTop = 5;

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The contacts report of the days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="period">What the report calls its period, e.g. <c>2026-01-05</c> or <c>2026-01</c>.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="departments">The departments to list even when they counted nothing.</param>
    /// <param name="days">Department days; those outside the period are left out.</param>
    /// <param name="top">How many request reasons per category.</param>
    public static ContactReport Contacts(string period, DateOnly from, DateOnly to, IEnumerable<string> departments, IEnumerable<DayCounters> days, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var counted = Within(from, to, days);
        var totals = new ContactTotals(
            counted.Sum(day => day.Created),
            counted.Sum(day => day.Closed),
            counted.Sum(day => day.Deflected),
            counted.Sum(day => day.Handled),
            counted.Sum(day => day.Transfers),
            counted.Sum(day => day.SolutionsProposed),
            counted.Sum(day => day.SolutionsRejected));
        List<ChannelCount> channels = [.. counted.SelectMany(day => day.Channels)
            .GroupBy(row => row.Channel)
            .OrderBy(group => group.Key)
            .Select(group => new ChannelCount(group.Key, group.Sum(row => row.Created), group.Sum(row => row.Closed)))];
        List<DepartmentRow> departmentRows = [.. DepartmentsOf(departments, counted).Select(department =>
        {
            var of = counted.Where(day => day.Department == department).ToList();
            return new DepartmentRow(department, of.Sum(day => day.Created), of.Sum(day => day.Closed), of.Sum(day => day.Deflected), of.Sum(day => day.Handled), of.Sum(day => day.Transfers));
        })];
        List<TopicCount> topics = [.. counted.SelectMany(day => day.Topics)
            .GroupBy(row => (row.Category, row.Topic))
            .Select(group => new TopicCount(group.Key.Category, group.Key.Topic, group.Sum(row => row.Created), group.Sum(row => row.Closed)))
            .OrderBy(row => row.Category, StringComparer.Ordinal)
            .ThenBy(row => row.Topic, StringComparer.Ordinal)];
        List<ReasonRow> reasons = [.. topics.Where(row => row.Created > 0)
            .GroupBy(row => row.Category)
            .SelectMany(group => group
                .OrderByDescending(row => row.Created)
                .ThenBy(row => row.Topic, StringComparer.Ordinal)
                .Take(top)
                .Select((row, i) => new ReasonRow(group.Key, i + 1, row.Topic, row.Created)))];
        List<ProductivityRow> operators = [.. counted.SelectMany(day => day.Operators)
            .GroupBy(row => row.OperatorId)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Productivity(group.Key, group.Sum(row => row.Handled), Sum(group.Select(row => row.HandleTime)), Sum(group.Select(row => row.Staffed))))];
        var ratings = counted.Aggregate(RatingCounts.None, (sum, day) => sum.Plus(day.Ratings));
        return new ContactReport(period, from, to, totals, channels, departmentRows, topics, reasons, operators, Table(counted.SelectMany(day => day.Violations)), RatingsOf(ratings));
    }

    /// <summary>The load report of the days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day, not before <paramref name="from"/>.</param>
    /// <param name="departments">The departments to list even when they counted nothing.</param>
    /// <param name="days">Department days; those outside the period are left out.</param>
    public static LoadReport Load(DateOnly from, DateOnly to, IEnumerable<string> departments, IEnumerable<DayCounters> days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var counted = Within(from, to, days);
        var period = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var arrivalsOn = counted.GroupBy(day => day.Day).ToDictionary(group => group.Key, group => group.Sum(day => day.Created));
        int ArrivalsOver(IEnumerable<DateOnly> dates) => dates.Sum(date => arrivalsOn.GetValueOrDefault(date));

        List<HourLoad> byHour = [.. Enumerable.Range(0, 24).Select(hour =>
        {
            var arrivals = counted.Sum(day => day.ArrivalsByHour.ElementAtOrDefault(hour));
            return new HourLoad(hour, arrivals, PerDay(arrivals, period.Count));
        })];
        List<WeekdayLoad> byWeekday = [.. Week.Select(weekday =>
        {
            var dates = period.Where(date => date.DayOfWeek == weekday).ToList();
            var arrivals = ArrivalsOver(dates);
            return new WeekdayLoad(weekday, dates.Count, arrivals, PerDay(arrivals, dates.Count));
        })];
        List<MonthLoad> byMonth = [.. period.GroupBy(ReportKeys.MonthOf).Select(month =>
        {
            var arrivals = ArrivalsOver(month);
            return new MonthLoad(month.Key, month.Count(), arrivals, PerDay(arrivals, month.Count()));
        })];
        List<DepartmentUtilization> utilization = [.. DepartmentsOf(departments, counted).Select(department =>
        {
            var of = counted.Where(day => day.Department == department).ToList();
            var staffed = Sum(of.Select(day => day.Staffed));
            var busy = Sum(of.Select(day => day.HandleTime));
            double? share = staffed > TimeSpan.Zero ? busy / staffed : null;
            return new DepartmentUtilization(
                department,
                Seconds(staffed),
                Seconds(busy),
                share is { } used ? Math.Round(used, 4) : null,
                share is { } u ? Math.Round(Math.Max(0, 1 - u), 4) : null);
        })];
        return new LoadReport(from, to, period.Count, counted.Sum(day => day.Created), byHour, byWeekday, byMonth, utilization);
    }

    /// <summary>An operator's month, times in seconds.</summary>
    public static OperatorReport Operator(OperatorMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return new OperatorReport(
            month.OperatorId,
            month.Month,
            month.Handled,
            Seconds(month.HandleTime),
            Seconds(month.AverageHandleTime),
            Seconds(month.Staffed),
            month.Transfers,
            month.SolutionsProposed,
            month.SolutionsRejected,
            Math.Round(month.RejectedShare, 4),
            month.MeetsKpi,
            month.Alerted,
            month.Violations,
            RatingsOf(month.Ratings));
    }

    /// <summary>The status × degree table of <paramref name="violations"/>.</summary>
    public static ViolationSummary Summary(DateTimeOffset from, DateTimeOffset to, string? department, IEnumerable<SlaViolation> violations)
    {
        List<ViolationCount> counts = [.. violations
            .GroupBy(violation => (violation.Status, violation.Degree))
            .Select(group => new ViolationCount(group.Key.Status, group.Key.Degree, group.Count()))];
        var rows = Table(counts);
        return new ViolationSummary(from, to, department, rows.Sum(row => row.Total), rows);
    }

    /// <summary>Violation counts as the status × degree table: one row per status, in status order.</summary>
    public static IReadOnlyList<ViolationRow> Table(IEnumerable<ViolationCount> counts) =>
        [.. counts
            .GroupBy(count => count.Status)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                int Of(SlaDegree degree) => group.Where(count => count.Degree == degree).Sum(count => count.Count);
                var (warning, violation, critical) = (Of(SlaDegree.Warning), Of(SlaDegree.Violation), Of(SlaDegree.Critical));
                return new ViolationRow(group.Key, warning, violation, critical, warning + violation + critical);
            })];

    private static List<DayCounters> Within(DateOnly from, DateOnly to, IEnumerable<DayCounters> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.Where(day => day.Day >= from && day.Day <= to)];
    }

    private static IEnumerable<string> DepartmentsOf(IEnumerable<string> departments, List<DayCounters> counted)
    {
        ArgumentNullException.ThrowIfNull(departments);
        return departments.Concat(counted.Select(day => day.Department)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    private static ProductivityRow Productivity(string operatorId, int handled, TimeSpan handleTime, TimeSpan staffed) =>
        new(operatorId, handled, Seconds(handleTime), handled == 0 ? 0 : Seconds(handleTime / handled), Seconds(staffed));

    private static RatingSummary RatingsOf(RatingCounts ratings) =>
        new(ratings.Count, ratings.AverageScore is { } average ? Math.Round(average, 2) : null, ratings.Likes, ratings.Dislikes);

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 2);

    private static double PerDay(int arrivals, int days) => days == 0 ? 0 : Math.Round((double)arrivals / days, 2);
}
