using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using static Helpdesk.Grains.Tests.Reports.Facts;

namespace Helpdesk.Grains.Tests.Reports;

/// <summary>Reports merge department days over departments and days into exact totals, rows and shares.</summary>
public sealed class ReportAggregationTests
{
    private static readonly DateOnly Jan5 = new(2026, 1, 5);
    private static readonly DateOnly Jan6 = new(2026, 1, 6);
    private static readonly string[] Departments = ["support", "billing", "sales"];

    private static DateTimeOffset On(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static DayCounters[] ScriptedDays() =>
    [
        Day(
            "support",
            Jan5,
            Created(On(Jan5, 9), Channel.Chat, "login", "access"),
            Created(On(Jan5, 9), Channel.Chat, "login", "access"),
            Created(On(Jan5, 10), Channel.Phone, "password", "access"),
            Created(On(Jan5, 11), Channel.Phone, "invoice", "billing"),
            Closed(On(Jan5, 12), Channel.Chat, "login", "access"),
            Handled(On(Jan5, 12), "ana", 300),
            Handled(On(Jan5, 12), "bo", 200),
            Staffed(On(Jan5, 17), "ana", 1),
            Of(FactKind.Transferred, On(Jan5, 12)),
            Of(FactKind.SolutionProposed, On(Jan5, 12)),
            Rated(On(Jan5, 13), 5, like: true),
            Rated(On(Jan5, 13), 4, like: null)),
        Day(
            "support",
            Jan6,
            Created(On(Jan6, 9), Channel.Email, "password", "access"),
            Created(On(Jan6, 9), Channel.Email, "password", "access"),
            Handled(On(Jan6, 12), "ana", 400),
            Of(FactKind.SolutionRejected, On(Jan6, 12)),
            Rated(On(Jan6, 13), 2, like: false)),
        Day(
            "billing",
            Jan6,
            Created(On(Jan6, 14), Channel.Phone, "invoice", "billing"),
            Created(On(Jan6, 14), Channel.Web, "refund", "billing"),
            Of(FactKind.Deflected, On(Jan6, 14)),
            Closed(On(Jan6, 15), Channel.Phone, "invoice", "billing"),
            Handled(On(Jan6, 15), "ana", 500),
            Staffed(On(Jan6, 17), "cy", 2)),
        ReportCounters.Count(
            ReportCounters.Count(DayCounters.Empty("support", Jan6), Violation("1", ContactStatus.Queued, SlaDegree.Warning, On(Jan6, 9))),
            Violation("2", ContactStatus.Queued, SlaDegree.Critical, On(Jan6, 9))),
        Day("support", new DateOnly(2026, 2, 1), Created(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), Channel.Chat, "login", "access")),
    ];

    private static ContactReport January(int top = ReportAggregation.DefaultTop) =>
        ReportAggregation.Contacts("2026-01", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), Departments, ScriptedDays(), top);

    [Fact]
    public void TotalsAddUpEveryDepartmentAndDayOfThePeriodOnly()
    {
        var report = January();

        Assert.Equal(("2026-01", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (report.Period, report.From, report.To));
        Assert.Equal(new ContactTotals(Created: 8, Closed: 2, Deflected: 1, Handled: 4, Transfers: 1, SolutionsProposed: 1, SolutionsRejected: 1), report.Totals);
    }

    [Fact]
    public void ContactsAreCountedByChannelDepartmentAndTopic()
    {
        var report = January();

        Assert.Equal(
            [new ChannelCount(Channel.Phone, 3, 1), new ChannelCount(Channel.Chat, 2, 1), new ChannelCount(Channel.Email, 2, 0), new ChannelCount(Channel.Web, 1, 0)],
            report.Channels);
        Assert.Equal(
            [
                new DepartmentRow("billing", 2, 1, 1, 1, 0),
                new DepartmentRow("sales", 0, 0, 0, 0, 0),
                new DepartmentRow("support", 6, 1, 0, 3, 1),
            ],
            report.Departments);
        Assert.Equal(
            [
                new TopicCount("access", "login", 2, 1),
                new TopicCount("access", "password", 3, 0),
                new TopicCount("billing", "invoice", 2, 1),
                new TopicCount("billing", "refund", 1, 0),
            ],
            report.Topics);
    }

    [Fact]
    public void TopReasonsRankEachCategorysTopicsByTicketsCreated()
    {
        Assert.Equal(
            [
                new ReasonRow("access", 1, "password", 3),
                new ReasonRow("access", 2, "login", 2),
                new ReasonRow("billing", 1, "invoice", 2),
                new ReasonRow("billing", 2, "refund", 1),
            ],
            January().TopReasons);
        Assert.Equal([new ReasonRow("access", 1, "password", 3), new ReasonRow("billing", 1, "invoice", 2)], January(top: 1).TopReasons);
    }

    [Fact]
    public void ProductivityMergesEachOperatorAcrossDepartmentsAndDays()
    {
        Assert.Equal(
            [
                new ProductivityRow("ana", Handled: 3, HandleSeconds: 1200, AverageHandleSeconds: 400, StaffedSeconds: 3600),
                new ProductivityRow("bo", Handled: 1, HandleSeconds: 200, AverageHandleSeconds: 200, StaffedSeconds: 0),
                new ProductivityRow("cy", Handled: 0, HandleSeconds: 0, AverageHandleSeconds: 0, StaffedSeconds: 7200),
            ],
            January().Operators);
    }

    [Fact]
    public void ViolationsAndRatingsAreSummed()
    {
        var report = January();

        Assert.Equal([new ViolationRow(ContactStatus.Queued, Warning: 1, Violation: 0, Critical: 1, Total: 2)], report.Violations);
        Assert.Equal(new RatingSummary(Count: 3, AverageScore: 3.67, Likes: 1, Dislikes: 1), report.Ratings);
    }

    [Fact]
    public void ADayWithNothingStillListsEveryDepartment()
    {
        var report = ReportAggregation.Contacts("2026-03-01", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), Departments, ScriptedDays());

        Assert.Equal(new ContactTotals(0, 0, 0, 0, 0, 0, 0), report.Totals);
        Assert.Equal(["billing", "sales", "support"], report.Departments.Select(row => row.Department));
        Assert.Empty(report.Channels);
        Assert.Empty(report.TopReasons);
        Assert.Equal(new RatingSummary(0, null, 0, 0), report.Ratings);
    }

    [Fact]
    public void LoadCountsArrivalsByHourWeekdayAndMonthOverThePeriod()
    {
        var fri = new DateOnly(2026, 1, 30);
        var sat = new DateOnly(2026, 1, 31);
        var mon = new DateOnly(2026, 2, 2);
        DayCounters[] days =
        [
            Day("support", fri, Created(On(fri, 9), Channel.Chat), Created(On(fri, 9), Channel.Chat)),
            Day("billing", sat, Created(On(sat, 23), Channel.Phone)),
            Day("support", mon, Created(On(mon, 9), Channel.Chat), Created(On(mon, 14), Channel.Email)),
        ];

        var load = ReportAggregation.Load(fri, mon, Departments, days);

        Assert.Equal((4, 5), (load.Days, load.Arrivals));
        Assert.Equal(24, load.ByHour.Count);
        Assert.Equal(
            [new HourLoad(9, 3, 0.75), new HourLoad(14, 1, 0.25), new HourLoad(23, 1, 0.25)],
            load.ByHour.Where(hour => hour.Arrivals > 0));
        Assert.Equal(
            [
                new WeekdayLoad(DayOfWeek.Monday, 1, 2, 2),
                new WeekdayLoad(DayOfWeek.Tuesday, 0, 0, 0),
                new WeekdayLoad(DayOfWeek.Wednesday, 0, 0, 0),
                new WeekdayLoad(DayOfWeek.Thursday, 0, 0, 0),
                new WeekdayLoad(DayOfWeek.Friday, 1, 2, 2),
                new WeekdayLoad(DayOfWeek.Saturday, 1, 1, 1),
                new WeekdayLoad(DayOfWeek.Sunday, 1, 0, 0),
            ],
            load.ByWeekday);
        Assert.Equal([new MonthLoad("2026-01", 2, 3, 1.5), new MonthLoad("2026-02", 2, 2, 1)], load.ByMonth);
    }

    [Fact]
    public void UtilizationIsHandleTimeOverStaffedTimeAndUnderloadTheRest()
    {
        DayCounters[] days =
        [
            Day("support", Jan5, Staffed(On(Jan5, 17), "ana", 3), Handled(On(Jan5, 12), "ana", 1800)),
            Day("support", Jan6, Staffed(On(Jan6, 17), "ana", 1), Handled(On(Jan6, 12), "ana", 1800)),
            Day("billing", Jan5, Staffed(On(Jan5, 17), "bo", 1), Handled(On(Jan5, 12), "bo", 3600), Handled(On(Jan5, 12), "bo", 3600)),
        ];

        var load = ReportAggregation.Load(Jan5, Jan6, Departments, days);

        Assert.Equal(
            [
                new DepartmentUtilization("billing", 3600, 7200, Utilization: 2, Underload: 0),
                new DepartmentUtilization("sales", 0, 0, Utilization: null, Underload: null),
                new DepartmentUtilization("support", 14400, 3600, Utilization: 0.25, Underload: 0.75),
            ],
            load.Departments);
    }

    [Fact]
    public void AnOperatorsMonthReadsInSecondsWithItsShareRounded()
    {
        var month = new OperatorMonth("ana", "2026-01", 3, TimeSpan.FromSeconds(1000), TimeSpan.FromHours(2), 1, 3, 1, MeetsKpi: true, Alerted: false, 2, new RatingCounts(2, 9, 2, 0));

        var report = ReportAggregation.Operator(month);

        Assert.Equal(
            new OperatorReport("ana", "2026-01", 3, 1000, 333.33, 7200, 1, 3, 1, 0.3333, MeetsKpi: true, Alerted: false, 2, new RatingSummary(2, 4.5, 2, 0)),
            report);
    }

    [Fact]
    public void AViolationSummaryIsTheStatusByDegreeTable()
    {
        var at = On(Jan5, 9);
        SlaViolation[] violations =
        [
            Violation("1", ContactStatus.InProgress, SlaDegree.Warning, at),
            Violation("2", ContactStatus.InProgress, SlaDegree.Violation, at),
            Violation("3", ContactStatus.InProgress, SlaDegree.Violation, at),
            Violation("4", ContactStatus.Queued, SlaDegree.Critical, at),
        ];

        var summary = ReportAggregation.Summary(at, at.AddDays(1), "support", violations);

        Assert.Equal(4, summary.Total);
        Assert.Equal("support", summary.Department);
        Assert.Equal(
            [
                new ViolationRow(ContactStatus.Queued, 0, 0, 1, 1),
                new ViolationRow(ContactStatus.InProgress, 1, 2, 0, 3),
            ],
            summary.Rows);
    }
}
