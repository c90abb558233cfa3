using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Reports;

/// <summary>Reports: a day's or a month's contacts, an operator's month, the load rhythm; JSON, or CSV on <c>Accept: text/csv</c>.</summary>
/// <remarks>Days and months are UTC. A period reads every department's day grain of every day in it, so it is limited to <see cref="ReportQuery.MaxDays"/> days.</remarks>
public static class ReportEndpoints
{
    /// <summary>Maps the report routes.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/daily", DailyAsync).AllowedTo(Role.Supervisor)
            .WithSummary("A day's contacts by channel, department and topic, top request reasons, productivity, SLA violations and ratings (?date=yyyy-MM-dd, default today; ?top=5).")
            .Produces<ContactReport>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem();
        reports.MapGet("/monthly", MonthlyAsync).AllowedTo(Role.Supervisor)
            .WithSummary("A month's contacts, as the daily report (?month=yyyy-MM, default this month; ?top=5).")
            .Produces<ContactReport>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem();
        reports.MapGet("/operators/{id}", OperatorAsync).AllowedTo(Role.Operator, Role.Supervisor).AddEndpointFilter(ActAsSelf.InPath)
            .WithSummary("An operator's month: handled, handle time, transfers, solutions proposed and rejected, KPI, violations, ratings (?month=yyyy-MM).")
            .Produces<OperatorReport>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/load", LoadAsync).AllowedTo(Role.Supervisor)
            .WithSummary("Arrivals by hour of day, weekday and month, and each department's utilization (?from=yyyy-MM-dd&to=yyyy-MM-dd, default this month to date).")
            .Produces<LoadReport>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> DailyAsync(string? date, string? top, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var day = check.Day("date", date, ReportQuery.Today(time));
        var reasons = check.Top("top", top, ReportAggregation.DefaultTop);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        return await ContactsAsync(ReportQuery.Text(day), day, day, reasons, request, grains);
    }

    private static async Task<IResult> MonthlyAsync(string? month, string? top, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var (first, last) = check.Month("month", month, ReportQuery.Today(time));
        var reasons = check.Top("top", top, ReportAggregation.DefaultTop);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        return await ContactsAsync(ReportKeys.MonthOf(first), first, last, reasons, request, grains);
    }

    private static async Task<IResult> OperatorAsync(string id, string? month, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var (first, _) = check.Month("month", month, ReportQuery.Today(time));
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var known = await grains.GetGrain<IOperatorGrain>(id).GetAsync();
        if (known.Status != ReplyStatus.Ok)
        {
            return Problems.Refusal(known);
        }

        var counted = await grains.GetGrain<IOperatorMonthGrain>(ReportKeys.OperatorMonth(id, ReportKeys.MonthOf(first))).GetAsync();
        return ReportFormat.Answer(request, ReportAggregation.Operator(counted), ReportTables.Of);
    }

    private static async Task<IResult> LoadAsync(string? from, string? to, HttpRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var today = ReportQuery.Today(time);
        var first = check.Day("from", from, new DateOnly(today.Year, today.Month, 1));
        var last = check.Day("to", to, today);
        if (check.IsValid)
        {
            check.Span("to", first, last);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var departments = await DepartmentDays.DepartmentsAsync(grains);
        var days = await DepartmentDays.CountersAsync(grains, departments, first, last);
        return ReportFormat.Answer(request, ReportAggregation.Load(first, last, departments, days), ReportTables.Of);
    }

    private static async Task<IResult> ContactsAsync(string period, DateOnly first, DateOnly last, int top, HttpRequest request, IGrainFactory grains)
    {
        var departments = await DepartmentDays.DepartmentsAsync(grains);
        var days = await DepartmentDays.CountersAsync(grains, departments, first, last);
        return ReportFormat.Answer(request, ReportAggregation.Contacts(period, first, last, departments, days, top), ReportTables.Of);
    }
}
