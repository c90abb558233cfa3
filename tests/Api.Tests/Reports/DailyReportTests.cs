using System.Text.Json.Nodes;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>The daily report adds up every department's facts of one UTC day, as JSON and as CSV, over real HTTP.</summary>
public sealed class DailyReportTests
{
    private const string Expected = """
        {
          "period": "2026-01-05", "from": "2026-01-05", "to": "2026-01-05",
          "totals": { "created": 4, "closed": 1, "deflected": 1, "handled": 3, "transfers": 1, "solutionsProposed": 2, "solutionsRejected": 1 },
          "channels": [
            { "channel": "phone", "created": 1, "closed": 0 },
            { "channel": "chat", "created": 2, "closed": 1 },
            { "channel": "email", "created": 1, "closed": 0 }
          ],
          "departments": [
            { "department": "billing", "created": 1, "closed": 0, "deflected": 1, "handled": 1, "transfers": 0 },
            { "department": "sales", "created": 0, "closed": 0, "deflected": 0, "handled": 0, "transfers": 0 },
            { "department": "support", "created": 3, "closed": 1, "deflected": 0, "handled": 2, "transfers": 1 }
          ],
          "topics": [
            { "category": "access", "topic": "login", "created": 2, "closed": 1 },
            { "category": "access", "topic": "password", "created": 1, "closed": 0 },
            { "category": "billing", "topic": "invoice, paper", "created": 1, "closed": 0 }
          ],
          "topReasons": [
            { "category": "access", "rank": 1, "topic": "login", "created": 2 },
            { "category": "access", "rank": 2, "topic": "password", "created": 1 },
            { "category": "billing", "rank": 1, "topic": "invoice, paper", "created": 1 }
          ],
          "operators": [
            { "operatorId": "ana", "handled": 2, "handleSeconds": 800, "averageHandleSeconds": 400, "staffedSeconds": 7200 },
            { "operatorId": "bo", "handled": 1, "handleSeconds": 120.5, "averageHandleSeconds": 120.5, "staffedSeconds": 3600 }
          ],
          "violations": [ { "status": "in_progress", "warning": 1, "violation": 1, "critical": 0, "total": 2 } ],
          "ratings": { "count": 2, "averageScore": 3.5, "likes": 1, "dislikes": 1 }
        }
        """;

    private const string ExpectedCsv =
        "section,channel,department,category,topic,rank,operatorId,status,created,closed,deflected,handled,transfers,solutionsProposed,solutionsRejected,handleSeconds,averageHandleSeconds,staffedSeconds,warning,violation,critical,total,count,averageScore,likes,dislikes\r\n" +
        "totals,,,,,,,,4,1,1,3,1,2,1,,,,,,,,,,,\r\n" +
        "channels,phone,,,,,,,1,0,,,,,,,,,,,,,,,,\r\n" +
        "channels,chat,,,,,,,2,1,,,,,,,,,,,,,,,,\r\n" +
        "channels,email,,,,,,,1,0,,,,,,,,,,,,,,,,\r\n" +
        "departments,,billing,,,,,,1,0,1,1,0,,,,,,,,,,,,,\r\n" +
        "departments,,sales,,,,,,0,0,0,0,0,,,,,,,,,,,,,\r\n" +
        "departments,,support,,,,,,3,1,0,2,1,,,,,,,,,,,,,\r\n" +
        "topics,,,access,login,,,,2,1,,,,,,,,,,,,,,,,\r\n" +
        "topics,,,access,password,,,,1,0,,,,,,,,,,,,,,,,\r\n" +
        "topics,,,billing,\"invoice, paper\",,,,1,0,,,,,,,,,,,,,,,,\r\n" +
        "topReasons,,,access,login,1,,,2,,,,,,,,,,,,,,,,,\r\n" +
        "topReasons,,,access,password,2,,,1,,,,,,,,,,,,,,,,,\r\n" +
        "topReasons,,,billing,\"invoice, paper\",1,,,1,,,,,,,,,,,,,,,,,\r\n" +
        "operators,,,,,,ana,,,,,2,,,,800,400,7200,,,,,,,,\r\n" +
        "operators,,,,,,bo,,,,,1,,,,120.5,120.5,3600,,,,,,,,\r\n" +
        "violations,,,,,,,in_progress,,,,,,,,,,,1,1,0,2,,,,\r\n" +
        "ratings,,,,,,,,,,,,,,,,,,,,,,2,3.5,1,1\r\n";

    private static DateTimeOffset Jan5(int hour, int minute = 0) => new(2026, 1, 5, hour, minute, 0, TimeSpan.Zero);

    private static ContactFact Fact(FactKind kind, DateTimeOffset at, string department, Channel? channel = null, string? topic = null, string? category = null, string? operatorId = null, double? seconds = null, int? score = null, bool? like = null) =>
        new(kind, at, department, null, channel, topic, category, operatorId, seconds is { } s ? TimeSpan.FromSeconds(s) : null, score, like);

    private static async Task<HelpdeskServer> ScriptedDayAsync()
    {
        var server = await ReportApi.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("sales");
        await server.CreateOperatorAsync("ana", "l1", "support");
        await server.CreateOperatorAsync("bo", "l1", "billing");
        await server.RecordAsync(
            Fact(FactKind.Created, Jan5(9, 10), "support", Channel.Chat, "login", "access"),
            Fact(FactKind.Created, Jan5(9, 20), "support", Channel.Phone, "login", "access"),
            Fact(FactKind.Created, Jan5(10, 5), "support", Channel.Chat, "password", "access"),
            Fact(FactKind.Closed, Jan5(11), "support", Channel.Chat, "login", "access"),
            Fact(FactKind.Handled, Jan5(11), "support", operatorId: "ana", seconds: 300),
            Fact(FactKind.Handled, Jan5(11), "support", operatorId: "ana", seconds: 500),
            Fact(FactKind.Staffed, Jan5(17), "support", operatorId: "ana", seconds: 7200),
            Fact(FactKind.SolutionProposed, Jan5(11), "support", operatorId: "ana"),
            Fact(FactKind.SolutionProposed, Jan5(11), "support", operatorId: "ana"),
            Fact(FactKind.SolutionRejected, Jan5(12), "support", operatorId: "ana"),
            Fact(FactKind.Transferred, Jan5(12), "support", operatorId: "ana"),
            Fact(FactKind.Rated, Jan5(13), "support", score: 5, like: true),
            Fact(FactKind.Rated, Jan5(13), "support", score: 2, like: false),
            Fact(FactKind.Created, Jan5(14), "billing", Channel.Email, "invoice, paper", "billing"),
            Fact(FactKind.Deflected, Jan5(14), "billing"),
            Fact(FactKind.Handled, Jan5(14), "billing", operatorId: "bo", seconds: 120.5),
            Fact(FactKind.Staffed, Jan5(17), "billing", operatorId: "bo", seconds: 3600),
            Fact(FactKind.Created, new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), "support", Channel.Chat, "login", "access"));
        await server.AddViolationAsync(Violation("v-1", SlaDegree.Warning, Jan5(10)));
        await server.AddViolationAsync(Violation("v-2", SlaDegree.Violation, Jan5(10, 30)));
        await server.AddViolationAsync(Violation("v-1", SlaDegree.Warning, Jan5(10)));
        return server;
    }

    private static SlaViolation Violation(string id, SlaDegree degree, DateTimeOffset at) =>
        new(id, "c-1", ContactStatus.InProgress, degree, "ana", "support", at, at.AddMinutes(-30), SlaAction.Notify);

    [Fact]
    public async Task TheDailyReportAddsUpEveryDepartmentsFactsOfThatDayOnly()
    {
        await using var server = await ScriptedDayAsync();

        await server.JsonUntilAsync("/api/reports/daily?date=2026-01-05", Expected);
    }

    [Fact]
    public async Task TheDailyReportAsCsvIsOneTableWithASectionColumn()
    {
        await using var server = await ScriptedDayAsync();
        await server.JsonUntilAsync("/api/reports/daily?date=2026-01-05", Expected);

        var csv = await server.CsvAsync("/api/reports/daily?date=2026-01-05");

        Assert.Equal(ExpectedCsv, csv);
    }

    [Fact]
    public async Task WithoutADateTheDailyReportIsTodays()
    {
        await using var server = await ScriptedDayAsync();
        await server.JsonUntilAsync("/api/reports/daily?date=2026-01-05", Expected);

        var today = await server.GetAsync("/api/reports/daily");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected), JsonNode.Parse(today.Body)), today.Body);
    }

    [Fact]
    public async Task TopLimitsTheRequestReasonsOfEachCategory()
    {
        await using var server = await ScriptedDayAsync();
        await server.JsonUntilAsync("/api/reports/daily?date=2026-01-05", Expected);

        var report = await server.GetOkAsync<ContactReport>("/api/reports/daily?date=2026-01-05&top=1");

        Assert.Equal([new ReasonRow("access", 1, "login", 2), new ReasonRow("billing", 1, "invoice, paper", 1)], report.TopReasons);
    }

    [Fact]
    public async Task ADayWithoutFactsListsEveryDepartmentWithZeros()
    {
        await using var server = await ScriptedDayAsync();

        var report = await server.GetOkAsync<ContactReport>("/api/reports/daily?date=2026-01-04");

        Assert.Equal(new ContactTotals(0, 0, 0, 0, 0, 0, 0), report.Totals);
        Assert.Equal(["billing", "sales", "support"], report.Departments.Select(row => row.Department));
        Assert.Empty(report.Violations);
        Assert.Equal(new RatingSummary(0, null, 0, 0), report.Ratings);
    }
}
