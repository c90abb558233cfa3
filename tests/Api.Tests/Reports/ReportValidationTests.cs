using System.Net;
using Helpdesk.Api.Tests.Departments;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>Report queries refused field by field as ProblemDetails, over real HTTP.</summary>
/// <remarks>Every test here is refused, so they share one server.</remarks>
public sealed class ReportValidationTests(ReportServer shared) : IClassFixture<ReportServer>
{
    private HelpdeskServer Server => shared.Server;

    [Theory]
    [InlineData("/api/reports/daily?date=2026-13-01", "date")]
    [InlineData("/api/reports/daily?date=05.01.2026", "date")]
    [InlineData("/api/reports/daily?date=2026-1-5", "date")]
    [InlineData("/api/reports/daily?date=1900-01-01", "date")]
    [InlineData("/api/reports/daily?date=2026-01-05&top=0", "top")]
    [InlineData("/api/reports/daily?date=2026-01-05&top=51", "top")]
    [InlineData("/api/reports/daily?date=2026-01-05&top=five", "top")]
    [InlineData("/api/reports/monthly?month=2026-1", "month")]
    [InlineData("/api/reports/monthly?month=2026-01-05", "month")]
    [InlineData("/api/reports/monthly?month=2026-00", "month")]
    [InlineData("/api/reports/monthly?month=2026-01&top=-1", "top")]
    [InlineData("/api/reports/operators/ana?month=january", "month")]
    [InlineData("/api/reports/operators/nobody?month=january", "month")]
    [InlineData("/api/reports/load?from=2026-01-32", "from")]
    [InlineData("/api/reports/load?from=2026-01-05&to=2026-01-04", "to")]
    [InlineData("/api/reports/load?from=2026-01-05&to=2026-01-05T10:00:00Z", "to")]
    public async Task ABadQueryParameterIsRefusedNamingIt(string path, string field)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task EveryBadParameterIsNamedAtOnce()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/reports/daily?date=tomorrow&top=many", UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["date", "top"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Use a date, yyyy-MM-dd."], errors["date"]);
    }

    [Fact]
    public async Task APeriodLongerThanAYearIsRefusedSayingHowLongItMayBe()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/reports/load?from=2025-01-01&to=2026-01-02", UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["The period spans 367 days; ask for at most 366."], errors["to"]);
    }

    [Fact]
    public async Task AYearLongPeriodIsAnswered()
    {
        var load = await Server.GetOkAsync<Grains.Reports.LoadReport>("/api/reports/load?from=2025-01-06&to=2026-01-06");

        Assert.Equal(366, load.Days);
        Assert.Equal(["billing", "support"], load.Departments.Select(row => row.Department));
    }

    [Fact]
    public async Task ARefusalAskedForAsCsvIsStillProblemDetails()
    {
        var answer = await Server.GetAsync("/api/reports/daily?date=someday", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType?.MediaType);
    }
}
