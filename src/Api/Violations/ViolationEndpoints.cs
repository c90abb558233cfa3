using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Api.Reports;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Violations;

/// <summary>SLA violations: the list and the status × degree table of a period; JSON, or CSV on <c>Accept: text/csv</c>.</summary>
/// <remarks>
/// <c>from</c> and <c>to</c> are instants (<c>2026-01-05T09:30:00Z</c>) or UTC dates, a date standing for its whole day;
/// <c>from</c> is included, <c>to</c> is not, and both default to today's bounds. A period may span at most
/// <see cref="ReportQuery.MaxDays"/> days, since it reads every department's day grain of every day in it.
/// </remarks>
public static class ViolationEndpoints
{
    /// <summary>Maps the violation routes.</summary>
    public static IEndpointRouteBuilder MapViolationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var violations = endpoints.MapGroup("/api/violations").WithTags("Violations").AllowedTo(Role.Supervisor);
        violations.MapGet("", ListAsync)
            .WithSummary("Violations crossed in a period, by time (?from=&to=&department=&operator=&degree=warning|violation|critical).")
            .Produces<IReadOnlyList<SlaViolation>>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem();
        violations.MapGet("/summary", SummaryAsync)
            .WithSummary("How many violations of each status and degree a period holds (?from=&to=&department=).")
            .Produces<ViolationSummary>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        string? department,
        [FromQuery(Name = "operator")] string? operatorId,
        string? degree,
        string? from,
        string? to,
        HttpRequest request,
        IGrainFactory grains,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var wanted = check.Named<SlaDegree>("degree", degree);
        var someone = check.OptionalId("operator", operatorId);
        if (check.IsValid && someone is not null && (await grains.GetGrain<IOperatorGrain>(someone).GetAsync()).Status == ReplyStatus.NotFound)
        {
            check.Add("operator", $"No operator {someone}.");
        }

        var scope = await ScopeAsync(check, department, from, to, grains, time);
        if (scope is null)
        {
            return check.Problem();
        }

        var found = await ViolationsAsync(scope, grains);
        List<SlaViolation> listed = [.. found
            .Where(violation => (someone is null || violation.OperatorId == someone) && (wanted is null || violation.Degree == wanted))];
        return ReportFormat.Answer<IReadOnlyList<SlaViolation>>(request, listed, ReportTables.Of);
    }

    private static async Task<IResult> SummaryAsync(string? department, string? from, string? to, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var scope = await ScopeAsync(check, department, from, to, grains, time);
        if (scope is null)
        {
            return check.Problem();
        }

        var summary = ReportAggregation.Summary(scope.From, scope.To, scope.Department, await ViolationsAsync(scope, grains));
        return ReportFormat.Answer(request, summary, ReportTables.Of);
    }

    /// <summary>The period and departments asked for, or <see langword="null"/> when <paramref name="check"/> found errors.</summary>
    private static async Task<Scope?> ScopeAsync(Validator check, string? department, string? from, string? to, IGrainFactory grains, TimeProvider time)
    {
        var today = ReportQuery.Today(time);
        var start = check.Instant("from", from, end: false, ReportQuery.StartOf(today));
        var end = check.Instant("to", to, end: true, ReportQuery.StartOf(today.AddDays(1)));
        var only = check.OptionalId("department", department);
        if (check.IsValid && end <= start)
        {
            check.Add("to", "Must be after from.");
        }

        if (check.IsValid)
        {
            check.Span("to", ReportKeys.DayOf(start), ReportKeys.DayOf(end.AddTicks(-1)));
        }

        var departments = await DepartmentDays.DepartmentsAsync(grains);
        if (only is not null && check.IsValid && !departments.Contains(only, StringComparer.Ordinal))
        {
            check.Add("department", $"No department {only}.");
        }

        return check.IsValid ? new Scope(start, end, only, only is null ? departments : [only]) : null;
    }

    /// <summary>The scope's violations crossed within its period, by time.</summary>
    private static async Task<List<SlaViolation>> ViolationsAsync(Scope scope, IGrainFactory grains)
    {
        var found = await DepartmentDays.ViolationsAsync(grains, scope.Departments, ReportKeys.DayOf(scope.From), ReportKeys.DayOf(scope.To.AddTicks(-1)));
        return [.. found
            .Where(violation => violation.At >= scope.From && violation.At < scope.To)
            .OrderBy(violation => violation.At)
            .ThenBy(violation => violation.Id, StringComparer.Ordinal)];
    }

    /// <summary>What a violation query covers.</summary>
    private sealed record Scope(DateTimeOffset From, DateTimeOffset To, string? Department, IReadOnlyList<string> Departments);
}
