using System.Net.Http.Headers;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Reports;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>A scripted day driven through the public API, and the daily report that must match it exactly.</summary>
public sealed class ScriptedDayReportTests
{
    private static readonly object QueueWarnsAfterTenSeconds = new
    {
        rules = new[] { new { status = "queued", thresholds = new[] { new { degree = "warning", afterSeconds = 10 } } } },
    };

    [Fact]
    public async Task TheDailyReportMatchesTheEventsOfTheDay()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        foreach (var department in new[] { "support", "billing" })
        {
            await server.PostOkAsync<Grains.Departments.DepartmentSnapshot>("/api/departments", new { id = department, name = department, sla = QueueWarnsAfterTenSeconds });
        }

        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "billing");

        var c1 = await CreateAsync(server, "cust-1", "chat", "Cannot log in", "access", "support");
        await HandleAsync(server, c1, "ana", TimeSpan.FromSeconds(120));
        await MoveOkAsync(server, c1, new { status = "confirmed", customerId = "cust-1" });
        await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{c1}/feedback", new { customerId = "cust-1", score = 5, like = true });

        var c3 = await CreateAsync(server, "cust-3", "email", "Invoice twice", "billing", "billing");
        await HandleAsync(server, c3, "bo", TimeSpan.FromSeconds(60));
        await MoveOkAsync(server, c3, new { status = "rejected", customerId = "cust-3" });
        await server.WaitForContactAsync(c3, c => c.Status == ContactStatus.Offered && c.OperatorId == "bo", "back with bo");
        await HandleAsync(server, c3, "bo", TimeSpan.FromSeconds(30));
        await MoveOkAsync(server, c3, new { status = "confirmed", customerId = "cust-3" });
        await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{c3}/feedback", new { customerId = "cust-3", score = 2, like = false });

        var c4 = await CreateAsync(server, "cust-4", "web", "Password reset", "access", "support");
        await server.ActOkAsync(c4, "accept", "ana");
        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{c4}/transfer", new { operatorId = "ana", toDepartment = "billing" });
        await server.WaitForContactAsync(c4, c => c.Status == ContactStatus.Offered && c.OperatorId == "bo", "offered to bo");
        await HandleAsync(server, c4, "bo", TimeSpan.FromSeconds(20));

        using (await server.PostAsync("/api/broadcasts", new { scope = "topic", topic = "Outage", message = "Repair by noon.", end = clock.GetUtcNow().AddHours(3) }))
        {
            await CreateAsync(server, "cust-5", "phone", "Outage", null, "support");
        }

        await server.SetPresenceAsync("ana", "break");
        var c6 = await CreateAsync(server, "cust-6", "phone", "Cannot log in", "access", "support");
        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        await Eventually.ReadAsync(() => server.GetOkAsync<IReadOnlyList<Grains.Sla.SlaViolation>>("/api/violations?department=support"), v => v.Count == 1, $"the warning on {c6}", v => $"{v.Count} violations");

        var report = await Eventually.ReadAsync(
            () => server.GetOkAsync<ContactReport>("/api/reports/daily?date=2026-01-05"),
            r => r.Totals.Created == 5 && r.Ratings.Count == 2 && r.Totals.Handled == 5,
            "the day's facts all counted",
            r => r.Totals.ToString());

        Assert.Equal(new ContactTotals(Created: 5, Closed: 2, Deflected: 1, Handled: 5, Transfers: 1, SolutionsProposed: 4, SolutionsRejected: 1), report.Totals);
        Assert.Equal((2, 3.5, 1, 1), (report.Ratings.Count, report.Ratings.AverageScore, report.Ratings.Likes, report.Ratings.Dislikes));
        Assert.Equal(
            [("ana", 2, 130.0), ("bo", 3, 110.0)],
            report.Operators.OrderBy(row => row.OperatorId).Select(row => (row.OperatorId, row.Handled, row.HandleSeconds)));
        Assert.Equal(
            [("access", "Cannot log in", 2), ("access", "Password reset", 1), ("billing", "Invoice twice", 1)],
            report.TopReasons.Where(row => row.Category is not null).Select(row => (row.Category!, row.Topic, row.Created)).Order());
        var queued = Assert.Single(report.Violations);
        Assert.Equal((ContactStatus.Queued, 1, 0, 0, 1), (queued.Status, queued.Warning, queued.Violation, queued.Critical, queued.Total));

        using var csv = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/reports/daily?date=2026-01-05", UriKind.Relative));
        csv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var answer = await server.Client.SendAsync(csv);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Invoice twice", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HelpdeskServer server, string customerId, string channel, string topic, string? category, string department) =>
        (await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId, channel, topic, category, department })).Id;

    /// <summary>The operator, offered the contact, accepts it, talks for <paramref name="talk"/> and proposes a solution.</summary>
    private static async Task HandleAsync(HelpdeskServer server, string contactId, string operatorId, TimeSpan talk)
    {
        await server.WaitForContactAsync(contactId, c => c.Status == ContactStatus.Offered && c.OperatorId == operatorId, $"offered to {operatorId}");
        await server.ActOkAsync(contactId, "accept", operatorId);
        await server.AdvanceAsync(talk);
        await server.ProposeOkAsync(contactId, operatorId);
    }

    private static async Task MoveOkAsync(HelpdeskServer server, string id, object body)
    {
        using var response = await server.MoveAsync(id, body);
        await HelpdeskServer.ReadOkAsync<ContactSnapshot>(response);
    }
}
