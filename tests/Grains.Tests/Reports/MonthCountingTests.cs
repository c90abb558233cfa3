using Helpdesk.Grains.Reports;
using static Helpdesk.Grains.Tests.Reports.Facts;

namespace Helpdesk.Grains.Tests.Reports;

/// <summary>An operator's month counts their work and judges the KPI on rejected solutions after every fact.</summary>
public sealed class MonthCountingTests
{
    private static readonly KpiPolicy Policy = KpiPolicy.Default;

    private static OperatorMonth After(KpiPolicy policy, params ContactFact[] facts) =>
        facts.Aggregate(OperatorMonth.Empty("ana", "2026-01"), (month, fact) => ReportCounters.Apply(month, fact, policy));

    private static ContactFact[] Solutions(int proposed, int rejected) =>
    [
        .. Enumerable.Repeat(Of(FactKind.SolutionProposed, Monday(9), operatorId: "ana"), proposed),
        .. Enumerable.Repeat(Of(FactKind.SolutionRejected, Monday(10), operatorId: "ana"), rejected),
    ];

    [Fact]
    public void OneRejectedOfFiveMeetsTheKpi()
    {
        var month = After(Policy, Solutions(5, 1));

        Assert.Equal((5, 1), (month.SolutionsProposed, month.SolutionsRejected));
        Assert.Equal(0.2, month.RejectedShare, precision: 9);
        Assert.True(month.MeetsKpi);
        Assert.False(month.Alerted);
    }

    [Fact]
    public void TwoRejectedOfFiveMissTheKpiAndMarkTheMonthAlerted()
    {
        var month = After(Policy, Solutions(5, 2));

        Assert.False(month.MeetsKpi);
        Assert.True(month.Alerted);
        Assert.Equal("operator ana: 2 of 5 solutions rejected this month (40%, limit 20%)", ReportCounters.KpiAlert(month, Policy));
    }

    [Fact]
    public void BeforeFiveProposalsEvenMostlyRejectedSolutionsMeetTheKpi()
    {
        var month = After(Policy, Solutions(4, 3));

        Assert.True(month.MeetsKpi);
        Assert.False(month.Alerted);
    }

    [Fact]
    public void MeetingTheKpiAgainKeepsTheMonthAlertedSoSupervisorsHearOnce()
    {
        var missed = After(Policy, Solutions(5, 2));

        var recovered = Solutions(5, 0).Aggregate(missed, (month, fact) => ReportCounters.Apply(month, fact, Policy));

        Assert.Equal((10, 2), (recovered.SolutionsProposed, recovered.SolutionsRejected));
        Assert.True(recovered.MeetsKpi);
        Assert.True(recovered.Alerted);
    }

    [Fact]
    public void ATighterPolicyJudgesByItsOwnNumbers()
    {
        var strict = new KpiPolicy(MaxRejectedShare: 0.1, MinProposed: 2);

        var month = After(strict, Solutions(5, 1));

        Assert.False(month.MeetsKpi);
        Assert.Equal("operator ana: 1 of 5 solutions rejected this month (20%, limit 10%)", ReportCounters.KpiAlert(month, strict));
    }

    [Fact]
    public void HandledTransfersViolationsAndRatingsAreCountedWhileArrivalsAreNot()
    {
        var month = After(
            Policy,
            Handled(Monday(9), "ana", 300),
            Handled(Monday(10), "ana", 500),
            Staffed(Monday(17), "ana", 8),
            Of(FactKind.Transferred, Monday(11), operatorId: "ana"),
            Of(FactKind.Violation, Monday(11), operatorId: "ana"),
            Of(FactKind.Violation, Monday(12), operatorId: "ana"),
            Rated(Monday(12), 5, like: true, operatorId: "ana"),
            Rated(Monday(12), 3, like: false, operatorId: "ana"),
            Created(Monday(9), null),
            Closed(Monday(9), null),
            Of(FactKind.Deflected, Monday(9)));

        Assert.Equal(2, month.Handled);
        Assert.Equal(TimeSpan.FromSeconds(800), month.HandleTime);
        Assert.Equal(TimeSpan.FromSeconds(400), month.AverageHandleTime);
        Assert.Equal(TimeSpan.FromHours(8), month.Staffed);
        Assert.Equal(1, month.Transfers);
        Assert.Equal(2, month.Violations);
        Assert.Equal(new RatingCounts(2, 8, 1, 1), month.Ratings);
        Assert.True(month.MeetsKpi);
    }

    [Fact]
    public void AnEmptyMonthMeetsTheKpiWithNothingCounted()
    {
        var month = OperatorMonth.Empty("ana", "2026-01");

        Assert.True(month.MeetsKpi);
        Assert.False(month.Alerted);
        Assert.Equal(TimeSpan.Zero, month.AverageHandleTime);
        Assert.Equal(0, month.RejectedShare);
    }

    [Theory]
    [InlineData(-0.1, 5, "Kpi:MaxRejectedShare must be between 0 and 1.")]
    [InlineData(1.5, 5, "Kpi:MaxRejectedShare must be between 0 and 1.")]
    [InlineData(double.NaN, 5, "Kpi:MaxRejectedShare must be between 0 and 1.")]
    [InlineData(0.2, 0, "Kpi:MinProposed must be at least 1.")]
    [InlineData(0.2, 5, null)]
    public void AnUnusableKpiPolicySaysWhichSettingIsWrong(double share, int minProposed, string? problem) =>
        Assert.Equal(problem, new KpiPolicy(share, minProposed).Problem());
}
