using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Reports;

namespace Helpdesk.Api.Tests.Violations;

/// <summary>Violation queries refused field by field as ProblemDetails, over real HTTP.</summary>
/// <remarks>Every test here is refused, so they share one server (departments support and billing, operator ana; today 2026-01-05).</remarks>
public sealed class ViolationValidationTests(ReportServer shared) : IClassFixture<ReportServer>
{
    private HelpdeskServer Server => shared.Server;

    [Theory]
    [InlineData("/api/violations?degree=severe", "degree")]
    [InlineData("/api/violations?degree=2", "degree")]
    [InlineData("/api/violations?degree=CRITICAL", "degree")]
    [InlineData("/api/violations?from=yesterday", "from")]
    [InlineData("/api/violations?from=2026-01-05T25:00:00Z", "from")]
    [InlineData("/api/violations?from=01/05/2026", "from")]
    [InlineData("/api/violations?to=2026-01-04T12:00:00Z", "to")]
    [InlineData("/api/violations?from=2026-01-05T10:00:00Z&to=2026-01-05T10:00:00Z", "to")]
    [InlineData("/api/violations?from=2024-01-01&to=2026-01-05", "to")]
    [InlineData("/api/violations?department=nowhere", "department")]
    [InlineData("/api/violations?department=two%20words", "department")]
    [InlineData("/api/violations?operator=nobody", "operator")]
    [InlineData("/api/violations?operator=semi;colon", "operator")]
    [InlineData("/api/violations/summary?to=2026-01-04", "to")]
    [InlineData("/api/violations/summary?from=2025-01-01", "to")]
    [InlineData("/api/violations/summary?department=nowhere", "department")]
    [InlineData("/api/violations/summary?from=soon", "from")]
    public async Task ABadQueryParameterIsRefusedNamingIt(string path, string field)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task EveryBadParameterIsNamedAtOnce()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/violations?degree=huge&from=never&department=nowhere&operator=nobody", UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["degree", "from"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Use one of: warning, violation, critical."], errors["degree"]);
    }

    [Fact]
    public async Task AKnownDepartmentAndOperatorWithNothingRecordedListNothing()
    {
        Assert.Empty(await Server.GetOkAsync<List<Grains.Sla.SlaViolation>>("/api/violations?department=support&operator=ana"));
    }
}
