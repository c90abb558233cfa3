using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using static Helpdesk.Grains.Tests.Reports.Facts;

namespace Helpdesk.Grains.Tests.Reports;

/// <summary>A department's day adds up its facts exactly: by channel, topic, operator and hour.</summary>
public sealed class DayCountingTests
{
    private static readonly DateOnly Day = new(2026, 1, 5);

    private static DayCounters ScriptedDay() => Facts.Day(
        "support",
        Day,
        Created(Monday(8, 15), Channel.Phone, "login", "access"),
        Created(Monday(8, 40), Channel.Chat, "login", "access"),
        Created(Monday(9, 5), Channel.Chat, "invoice", "billing"),
        Created(new DateTimeOffset(2026, 1, 5, 9, 10, 0, TimeSpan.FromHours(1)), Channel.Email, "refund", "billing"),
        Created(Monday(10), Channel.Web),
        Of(FactKind.Deflected, Monday(10)),
        Closed(Monday(11), Channel.Chat, "login", "access"),
        Closed(Monday(11, 30), Channel.Phone, "login", "access"),
        Handled(Monday(12), "ana", 300),
        Handled(Monday(12), "ana", 420),
        Handled(Monday(12), "bo", 600),
        Handled(Monday(12), null, 60),
        Staffed(Monday(17), "ana", 8),
        Staffed(Monday(17), "bo", 4),
        Of(FactKind.Transferred, Monday(13)),
        Of(FactKind.SolutionProposed, Monday(13)),
        Of(FactKind.SolutionProposed, Monday(13)),
        Of(FactKind.SolutionProposed, Monday(13)),
        Of(FactKind.SolutionRejected, Monday(14)),
        Rated(Monday(15), 5, like: true),
        Rated(Monday(15), 2, like: false),
        Rated(Monday(15), 4, like: null));

    [Fact]
    public void TotalsCountEveryFactOfTheirKind()
    {
        var day = ScriptedDay();

        Assert.Equal(("support", Day), (day.Department, day.Day));
        Assert.Equal(5, day.Created);
        Assert.Equal(2, day.Closed);
        Assert.Equal(1, day.Deflected);
        Assert.Equal(4, day.Handled);
        Assert.Equal(TimeSpan.FromSeconds(1380), day.HandleTime);
        Assert.Equal(TimeSpan.FromHours(12), day.Staffed);
        Assert.Equal(1, day.Transfers);
        Assert.Equal(3, day.SolutionsProposed);
        Assert.Equal(1, day.SolutionsRejected);
        Assert.Equal(new RatingCounts(3, 11, 1, 1), day.Ratings);
        Assert.Equal(11.0 / 3, day.Ratings.AverageScore!.Value, precision: 9);
    }

    [Fact]
    public void ArrivalsCountInTheirUtcHour()
    {
        var day = ScriptedDay();

        int[] expected = new int[24];
        expected[8] = 3;
        expected[9] = 1;
        expected[10] = 1;
        Assert.Equal(expected, day.ArrivalsByHour);
    }

    [Fact]
    public void ChannelsAndTopicsCountCreatedAndClosedInKeyOrder()
    {
        var day = ScriptedDay();

        Assert.Equal(
            [new ChannelCount(Channel.Phone, 1, 1), new ChannelCount(Channel.Chat, 2, 1), new ChannelCount(Channel.Email, 1, 0), new ChannelCount(Channel.Web, 1, 0)],
            day.Channels);
        Assert.Equal(
            [new TopicCount("access", "login", 2, 2), new TopicCount("billing", "invoice", 1, 0), new TopicCount("billing", "refund", 1, 0)],
            day.Topics);
    }

    [Fact]
    public void EachOperatorHasTheirHandledCountHandleTimeAndTimeAtWork()
    {
        var day = ScriptedDay();

        Assert.Equal(
            [
                new OperatorWork("ana", 2, TimeSpan.FromSeconds(720), TimeSpan.FromHours(8)),
                new OperatorWork("bo", 1, TimeSpan.FromSeconds(600), TimeSpan.FromHours(4)),
            ],
            day.Operators);
    }

    [Fact]
    public void ARatingOutsideOneToFiveAndANegativeDurationAddNothing()
    {
        var day = Facts.Day("support", Day, Rated(Monday(9), 7, like: true), Rated(Monday(9), 0, like: false), Handled(Monday(9), "ana", -30));

        Assert.Equal(RatingCounts.None, day.Ratings);
        Assert.Equal(1, day.Handled);
        Assert.Equal(TimeSpan.Zero, day.HandleTime);
        Assert.Equal([new OperatorWork("ana", 1, TimeSpan.Zero, TimeSpan.Zero)], day.Operators);
    }

    [Fact]
    public void AViolationFactLeavesTheDayAsItWas()
    {
        var before = ScriptedDay();

        var after = ReportCounters.Apply(before, Of(FactKind.Violation, Monday(9), operatorId: "ana"));

        Assert.Same(before, after);
    }

    [Fact]
    public void ViolationsCountByStatusThenDegree()
    {
        var day = new[]
        {
            Violation("1", ContactStatus.InProgress, SlaDegree.Violation, Monday(9)),
            Violation("2", ContactStatus.Queued, SlaDegree.Warning, Monday(9)),
            Violation("3", ContactStatus.InProgress, SlaDegree.Violation, Monday(10)),
            Violation("4", ContactStatus.InProgress, SlaDegree.Warning, Monday(10)),
        }.Aggregate(DayCounters.Empty("support", Day), ReportCounters.Count);

        Assert.Equal(
            [
                new ViolationCount(ContactStatus.Queued, SlaDegree.Warning, 1),
                new ViolationCount(ContactStatus.InProgress, SlaDegree.Warning, 1),
                new ViolationCount(ContactStatus.InProgress, SlaDegree.Violation, 2),
            ],
            day.Violations);
    }

    [Fact]
    public void AnEmptyDayHasTwentyFourZeroHoursAndNothingElse()
    {
        var day = DayCounters.Empty("support", Day);

        Assert.Equal(new int[24], day.ArrivalsByHour);
        Assert.Equal(0, day.Created);
        Assert.Empty(day.Channels);
        Assert.Empty(day.Topics);
        Assert.Empty(day.Operators);
        Assert.Empty(day.Violations);
    }

    [Fact]
    public void TheSupervisorsLineForAViolationNamesDegreeTicketStatusDepartmentAndOperator()
    {
        var line = ReportCounters.ViolationLine(Violation("7", ContactStatus.InProgress, SlaDegree.Critical, Monday(9), operatorId: "ana"));
        var unassigned = ReportCounters.ViolationLine(Violation("8", ContactStatus.Queued, SlaDegree.Warning, Monday(9)));

        Assert.Equal("critical: ticket c-7 stayed in_progress past its time (support, operator ana)", line);
        Assert.Equal("warning: ticket c-8 stayed queued past its time (support)", unassigned);
    }
}
