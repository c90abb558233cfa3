using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>The monthly report adds up every day of one UTC month, over real HTTP.</summary>
public sealed class MonthlyReportTests
{
    private static ContactFact Created(DateTimeOffset at, string department, Channel channel, string topic) =>
        new(FactKind.Created, at, department, Channel: channel, Topic: topic, Category: "general");

    [Fact]
    public async Task TheMonthlyReportCountsEveryDayOfTheMonthAndNoneAround()
    {
        await using var server = await ReportApi.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.RecordAsync(
            Created(new DateTimeOffset(2025, 12, 31, 23, 59, 0, TimeSpan.Zero), "support", Channel.Chat, "login"),
            Created(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "support", Channel.Chat, "login"),
            Created(new DateTimeOffset(2026, 1, 20, 12, 0, 0, TimeSpan.Zero), "support", Channel.Phone, "login"),
            Created(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), "billing", Channel.Email, "invoice"),
            Created(new DateTimeOffset(2026, 2, 1, 0, 10, 0, TimeSpan.Zero), "billing", Channel.Email, "invoice"),
            new ContactFact(FactKind.Closed, new DateTimeOffset(2026, 1, 21, 8, 0, 0, TimeSpan.Zero), "support", Channel: Channel.Phone, Topic: "login", Category: "general"));

        var report = await Eventually.ReadAsync(
            () => server.GetOkAsync<ContactReport>("/api/reports/monthly?month=2026-01"),
            report => report.Totals.Closed == 1 && report.Totals.Created == 3,
            "January's report to count its three tickets and the closing of the 21st",
            report => $"{report.Totals}");

        Assert.Equal(("2026-01", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (report.Period, report.From, report.To));
        Assert.Equal(new ContactTotals(3, 1, 0, 0, 0, 0, 0), report.Totals);
        Assert.Equal([new ChannelCount(Channel.Phone, 1, 1), new ChannelCount(Channel.Chat, 1, 0), new ChannelCount(Channel.Email, 1, 0)], report.Channels);
        Assert.Equal([new DepartmentRow("billing", 1, 0, 0, 0, 0), new DepartmentRow("support", 2, 1, 0, 0, 0)], report.Departments);
        Assert.Equal([new ReasonRow("general", 1, "login", 2), new ReasonRow("general", 2, "invoice", 1)], report.TopReasons);
    }

    [Fact]
    public async Task WithoutAMonthTheMonthlyReportIsThisMonths()
    {
        await using var server = await ReportApi.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.RecordAsync(Created(new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero), "support", Channel.Web, "login"));

        var report = await Eventually.ReadAsync(
            () => server.GetOkAsync<ContactReport>("/api/reports/monthly"),
            report => report.Totals.Created == 1,
            "this month's report (January 2026 on the manual clock) to count the ticket of the 2nd",
            report => $"{report.Period}: {report.Totals}");

        Assert.Equal("2026-01", report.Period);
        Assert.Equal(new DateOnly(2026, 1, 31), report.To);
    }
}
