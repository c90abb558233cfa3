using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>An operator's month: its counters, the KPI on rejected solutions, the alert and the operator's snapshot, over real HTTP.</summary>
public sealed class OperatorReportTests
{
    private const string Path = "/api/reports/operators/ana?month=2026-01";

    private const string MeetsAfterOneOfFive = """
        {
          "operatorId": "ana", "month": "2026-01", "handled": 2, "handleSeconds": 800, "averageHandleSeconds": 400, "staffedSeconds": 0,
          "transfers": 0, "solutionsProposed": 5, "solutionsRejected": 1, "rejectedShare": 0.2, "meetsKpi": true, "alerted": false,
          "violations": 0, "ratings": { "count": 1, "averageScore": 4, "likes": 1, "dislikes": 0 }
        }
        """;

    private const string MissesAfterTwoOfFive = """
        {
          "operatorId": "ana", "month": "2026-01", "handled": 2, "handleSeconds": 800, "averageHandleSeconds": 400, "staffedSeconds": 0,
          "transfers": 0, "solutionsProposed": 5, "solutionsRejected": 2, "rejectedShare": 0.4, "meetsKpi": false, "alerted": true,
          "violations": 1, "ratings": { "count": 1, "averageScore": 4, "likes": 1, "dislikes": 0 }
        }
        """;

    private static readonly DateTimeOffset Jan5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static ContactFact Fact(FactKind kind, DateTimeOffset at, double? seconds = null, int? score = null, bool? like = null) =>
        new(kind, at, "support", OperatorId: "ana", Duration: seconds is { } s ? TimeSpan.FromSeconds(s) : null, Score: score, Like: like);

    private static ContactFact[] Solutions(DateTimeOffset at, int proposed, int rejected) =>
        [.. Enumerable.Repeat(Fact(FactKind.SolutionProposed, at), proposed), .. Enumerable.Repeat(Fact(FactKind.SolutionRejected, at), rejected)];

    private static async Task<HelpdeskServer> AnaAtWorkAsync(ManualTimeProvider? clock = null)
    {
        var server = await ReportApi.StartAsync(clock);
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");
        return server;
    }

    private static Task<OperatorSnapshot> MeetsKpiUntilAsync(HelpdeskServer server, bool meetsKpi) =>
        Eventually.ReadAsync(
            () => server.GetOperatorAsync("ana"),
            snapshot => snapshot.Kpi.MeetsKpi == meetsKpi,
            $"operator ana's snapshot to say meetsKpi {meetsKpi}",
            snapshot => $"{snapshot.Kpi}");

    [Fact]
    public async Task OneRejectedOfFiveMeetsTheKpiAndTwoDoNotWhichTheOperatorsSnapshotFollows()
    {
        await using var server = await AnaAtWorkAsync();
        await server.RecordForOperatorAsync([.. Solutions(Jan5, 5, 1), Fact(FactKind.Handled, Jan5, 300), Fact(FactKind.Handled, Jan5, 500), Fact(FactKind.Rated, Jan5, score: 4, like: true)]);

        await server.JsonUntilAsync(Path, MeetsAfterOneOfFive);
        Assert.True((await server.GetOperatorAsync("ana")).Kpi.MeetsKpi);

        await server.RecordForOperatorAsync(Fact(FactKind.SolutionRejected, Jan5));
        Assert.True(await server.AddViolationAsync(new SlaViolation("c-9:1:2", "c-9", ContactStatus.InProgress, SlaDegree.Violation, "ana", "support", Jan5, Jan5.AddHours(-1), SlaAction.Notify)));

        await server.JsonUntilAsync(Path, MissesAfterTwoOfFive);
        await MeetsKpiUntilAsync(server, meetsKpi: false);
    }

    [Fact]
    public async Task MissingTheKpiAlertsSupervisorsOnceAMonth()
    {
        await using var server = await AnaAtWorkAsync();
        await server.RecordForOperatorAsync(Solutions(Jan5, 5, 2));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<OperatorReport>(Path),
            report => (report.SolutionsProposed, report.SolutionsRejected) == (5, 2),
            "ana's month to count five solutions and two rejections (one-way facts arrive in any order)",
            report => $"{report}");

        await server.RecordForOperatorAsync(Fact(FactKind.SolutionRejected, Jan5));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<OperatorReport>(Path),
            report => report.SolutionsRejected == 3,
            "ana's month to count three rejections",
            report => $"{report}");

        var notices = await server.NoticesAsync(notices => notices.Any(notice => notice.Type == "kpi-alert"), "a KPI alert on the supervisors' feed");
        var alert = Assert.Single(notices, notice => notice.Type == "kpi-alert");
        Assert.Equal("operator ana: 2 of 5 solutions rejected this month (40%, limit 20%)", alert.Summary);
        Assert.Equal(("ana", "support", Jan5), (alert.OperatorId, alert.Department, alert.At));
    }

    [Fact]
    public async Task AnOperatorsMonthAsCsvIsOneRowWithRatingsFlattened()
    {
        await using var server = await AnaAtWorkAsync();
        await server.RecordForOperatorAsync([.. Solutions(Jan5, 5, 1), Fact(FactKind.Handled, Jan5, 300), Fact(FactKind.Handled, Jan5, 500), Fact(FactKind.Rated, Jan5, score: 4, like: true)]);
        await server.JsonUntilAsync(Path, MeetsAfterOneOfFive);

        var csv = await server.CsvAsync(Path);

        Assert.Equal(
            "operatorId,month,handled,handleSeconds,averageHandleSeconds,staffedSeconds,transfers,solutionsProposed,solutionsRejected,rejectedShare,meetsKpi,alerted,violations,ratings,averageScore,likes,dislikes\r\n" +
            "ana,2026-01,2,800,400,0,0,5,1,0.2,true,false,0,1,4,1,0\r\n",
            csv);
    }

    [Fact]
    public async Task AKpiMissedLastMonthDoesNotOutliveItAndLateFactsOfThatMonthChangeNothingNow()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 31, 23, 59, 58, TimeSpan.Zero));
        await using var server = await AnaAtWorkAsync(clock);
        var lastDay = new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
        await server.RecordForOperatorAsync(Solutions(lastDay, 5, 2));
        await MeetsKpiUntilAsync(server, meetsKpi: false);

        await server.AdvanceAsync(TimeSpan.FromSeconds(4));
        await server.RecordForOperatorAsync(Fact(FactKind.Handled, new DateTimeOffset(2026, 2, 1, 0, 0, 1, TimeSpan.Zero), 60));
        await MeetsKpiUntilAsync(server, meetsKpi: true);

        await server.RecordForOperatorAsync(Solutions(lastDay, 5, 0));
        await server.RecordForOperatorAsync(Solutions(lastDay, 0, 5));
        var january = await Eventually.ReadAsync(
            () => server.GetOkAsync<OperatorReport>(Path),
            report => report.SolutionsRejected == 7,
            "January to count its late rejections",
            report => $"{report}");
        Assert.False(january.MeetsKpi);
        Assert.True((await server.GetOperatorAsync("ana")).Kpi.MeetsKpi, "A fact of a month gone by must not change routing now.");
        var february = await server.GetOkAsync<OperatorReport>("/api/reports/operators/ana?month=2026-02");
        Assert.Equal((1, 0, true), (february.Handled, february.SolutionsRejected, february.MeetsKpi));
    }

    [Fact]
    public async Task AnUnknownOperatorHasNoReport()
    {
        await using var server = await ReportApi.StartAsync();

        var answer = await server.GetAsync("/api/reports/operators/nobody?month=2026-01");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutAMonthAnOperatorsReportIsThisMonths()
    {
        await using var server = await AnaAtWorkAsync();

        var report = await server.GetOkAsync<OperatorReport>("/api/reports/operators/ana");

        Assert.Equal(("ana", "2026-01", 0, true), (report.OperatorId, report.Month, report.Handled, report.MeetsKpi));
    }
}
