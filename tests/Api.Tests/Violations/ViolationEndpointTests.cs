using Helpdesk.Testing;
using System.Text.Json.Nodes;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Api.Tests.Reports;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Tests.Violations;

/// <summary>Violations recorded with department days are listed, filtered and summed by status and degree, over real HTTP.</summary>
public sealed class ViolationEndpointTests
{
    private static readonly SlaViolation A = Violation("c-a:1:1", "c-a", ContactStatus.InProgress, SlaDegree.Warning, "ana", "support", At(5, 8));
    private static readonly SlaViolation B = Violation("c-a:1:2", "c-a", ContactStatus.InProgress, SlaDegree.Violation, "ana", "support", At(5, 10, 30));
    private static readonly SlaViolation C = Violation("c-c:0:3", "c-c", ContactStatus.Queued, SlaDegree.Critical, "bo", "billing", At(5, 9, 15));
    private static readonly SlaViolation D = Violation("c-d:0:1", "c-d", ContactStatus.Queued, SlaDegree.Warning, null, "support", At(4, 23, 50));

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    private static SlaViolation Violation(string id, string contact, ContactStatus status, SlaDegree degree, string? operatorId, string department, DateTimeOffset at) =>
        new(id, contact, status, degree, operatorId, department, at, at.AddMinutes(-30), degree == SlaDegree.Critical ? SlaAction.Redispatch : SlaAction.Notify);

    private static async Task<HelpdeskServer> FourViolationsAsync()
    {
        var server = await ReportApi.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.CreateOperatorAsync("ana", "l1", "support");
        await server.CreateOperatorAsync("bo", "l1", "billing");
        foreach (var violation in new[] { A, B, C, D })
        {
            Assert.True(await server.AddViolationAsync(violation), $"{violation.Id} is new and must be recorded.");
        }

        return server;
    }

    private static async Task<string[]> IdsAsync(HelpdeskServer server, string path) =>
        [.. (await server.GetOkAsync<List<SlaViolation>>(path)).Select(violation => violation.Id)];

    [Fact]
    public async Task TodaysViolationsAreListedInTheOrderTheyWereCrossed()
    {
        await using var server = await FourViolationsAsync();

        var answer = await server.GetAsync("/api/violations");

        Assert.True(
            JsonNode.DeepEquals(
                JsonNode.Parse("""
                    [
                      { "id": "c-a:1:1", "contactId": "c-a", "status": "in_progress", "degree": "warning", "operatorId": "ana", "department": "support",
                        "at": "2026-01-05T08:00:00+00:00", "enteredAt": "2026-01-05T07:30:00+00:00", "action": "notify" },
                      { "id": "c-c:0:3", "contactId": "c-c", "status": "queued", "degree": "critical", "operatorId": "bo", "department": "billing",
                        "at": "2026-01-05T09:15:00+00:00", "enteredAt": "2026-01-05T08:45:00+00:00", "action": "redispatch" },
                      { "id": "c-a:1:2", "contactId": "c-a", "status": "in_progress", "degree": "violation", "operatorId": "ana", "department": "support",
                        "at": "2026-01-05T10:30:00+00:00", "enteredAt": "2026-01-05T10:00:00+00:00", "action": "notify" }
                    ]
                    """),
                JsonNode.Parse(answer.Body)),
            answer.Body);
    }

    [Fact]
    public async Task TheListAsCsvIsOneTable()
    {
        await using var server = await FourViolationsAsync();

        var csv = await server.CsvAsync("/api/violations?department=support");

        Assert.Equal(
            "id,contactId,status,degree,operatorId,department,at,enteredAt,action\r\n" +
            "c-a:1:1,c-a,in_progress,warning,ana,support,2026-01-05T08:00:00+00:00,2026-01-05T07:30:00+00:00,notify\r\n" +
            "c-a:1:2,c-a,in_progress,violation,ana,support,2026-01-05T10:30:00+00:00,2026-01-05T10:00:00+00:00,notify\r\n",
            csv);
    }

    [Theory]
    [InlineData("/api/violations?department=support", new[] { "c-a:1:1", "c-a:1:2" })]
    [InlineData("/api/violations?operator=ana&degree=violation", new[] { "c-a:1:2" })]
    [InlineData("/api/violations?degree=critical", new[] { "c-c:0:3" })]
    [InlineData("/api/violations?from=2026-01-04&to=2026-01-05", new[] { "c-d:0:1", "c-a:1:1", "c-c:0:3", "c-a:1:2" })]
    [InlineData("/api/violations?from=2026-01-04", new[] { "c-d:0:1", "c-a:1:1", "c-c:0:3", "c-a:1:2" })]
    [InlineData("/api/violations?from=2026-01-05T09:00:00Z&to=2026-01-05T10:30:00Z", new[] { "c-c:0:3" })]
    [InlineData("/api/violations?from=2026-01-05T10:00:00%2B01:00", new[] { "c-c:0:3", "c-a:1:2" })]
    [InlineData("/api/violations?from=2026-01-05T10:00:00+01:00", new[] { "c-c:0:3", "c-a:1:2" })]
    [InlineData("/api/violations?from=2026-01-04T23:00:00Z&to=2026-01-05T08:00:00Z&department=support", new[] { "c-d:0:1" })]
    [InlineData("/api/violations?operator=bo&department=support", new string[0])]
    [InlineData("/api/violations?department=&operator=&degree=&from=&to=", new[] { "c-a:1:1", "c-c:0:3", "c-a:1:2" })]
    public async Task FiltersNarrowTheList(string path, string[] ids)
    {
        await using var server = await FourViolationsAsync();

        Assert.Equal(ids, await IdsAsync(server, path));
    }

    [Fact]
    public async Task ARepeatedViolationIdIsRecordedCountedAndToldOnce()
    {
        await using var server = await FourViolationsAsync();

        Assert.False(await server.AddViolationAsync(A));
        Assert.False(await server.AddViolationAsync(A with { Degree = SlaDegree.Critical }));

        Assert.Equal(["c-a:1:1", "c-a:1:2"], await IdsAsync(server, "/api/violations?department=support"));
        var day = await server.GetOkAsync<ContactReport>("/api/reports/daily?date=2026-01-05");
        Assert.Equal(
            [new ViolationRow(ContactStatus.Queued, 0, 0, 1, 1), new ViolationRow(ContactStatus.InProgress, 1, 1, 0, 2)],
            day.Violations);
        var notices = await server.NoticesAsync(notices => notices.Count(notice => notice.Type == "sla-violation") >= 4, "the four violations told to supervisors");
        var told = notices.Where(notice => notice.Type == "sla-violation").ToList();
        Assert.Equal(["c-a:1:1", "c-a:1:2", "c-c:0:3", "c-d:0:1"], told.Select(notice => notice.Violation!.Id).Order(StringComparer.Ordinal));
        var first = told.Single(notice => notice.Violation!.Id == A.Id);
        Assert.Equal(("warning: ticket c-a stayed in_progress past its time (support, operator ana)", "ana", "support", A.At), (first.Summary, first.OperatorId, first.Department, first.At));
    }

    [Fact]
    public async Task AViolationIsChargedToItsOperatorsMonth()
    {
        await using var server = await FourViolationsAsync();

        var ana = await Eventually.ReadAsync(
            () => server.GetOkAsync<OperatorReport>("/api/reports/operators/ana?month=2026-01"),
            report => report.Violations == 2,
            "ana's month to count her two violations",
            report => $"{report.Violations}");

        Assert.Equal(2, ana.Violations);
        Assert.Equal(1, (await server.GetOkAsync<OperatorReport>("/api/reports/operators/bo?month=2026-01")).Violations);
    }

    [Fact]
    public async Task TheSummaryIsTheStatusByDegreeTableOfThePeriod()
    {
        await using var server = await FourViolationsAsync();

        var today = await server.GetAsync("/api/violations/summary");
        var support = await server.GetOkAsync<ViolationSummary>("/api/violations/summary?from=2026-01-04&to=2026-01-05&department=support");

        Assert.True(
            JsonNode.DeepEquals(
                JsonNode.Parse("""
                    {
                      "from": "2026-01-05T00:00:00+00:00", "to": "2026-01-06T00:00:00+00:00", "department": null, "total": 3,
                      "rows": [
                        { "status": "queued", "warning": 0, "violation": 0, "critical": 1, "total": 1 },
                        { "status": "in_progress", "warning": 1, "violation": 1, "critical": 0, "total": 2 }
                      ]
                    }
                    """),
                JsonNode.Parse(today.Body)),
            today.Body);
        Assert.Equal((At(4, 0), At(6, 0), "support", 3), (support.From, support.To, support.Department, support.Total));
        Assert.Equal([new ViolationRow(ContactStatus.Queued, 1, 0, 0, 1), new ViolationRow(ContactStatus.InProgress, 1, 1, 0, 2)], support.Rows);
    }

    [Fact]
    public async Task TheSummaryAsCsvIsTheTable()
    {
        await using var server = await FourViolationsAsync();

        var csv = await server.CsvAsync("/api/violations/summary");

        Assert.Equal("status,warning,violation,critical,total\r\nqueued,0,0,1,1\r\nin_progress,1,1,0,2\r\n", csv);
    }
}
