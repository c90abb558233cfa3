using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Api.Departments;

/// <summary>Departments: their routing settings, members, queue and live load.</summary>
public static class DepartmentEndpoints
{
    /// <summary>Maps the department routes.</summary>
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var departments = endpoints.MapGroup("/api/departments").WithTags("Departments");
        departments.MapPost("", CreateAsync).Produces<DepartmentSnapshot>(StatusCodes.Status201Created).AllowedTo(Role.Supervisor).Audited().WithSummary("Creates a department.");
        departments.MapGet("", ListAsync).AllowedTo(Role.Supervisor, Role.Integration).WithSummary("The departments with their live load, by id, a page at a time (limit, after; the next page in the Link header).");
        departments.MapGet("/{id}", GetAsync).Produces<DepartmentSnapshot>().AllowedTo(Role.Supervisor, Role.Integration).WithSummary("A department: members, queue and live load.");
        departments.MapPut("/{id}", ReplaceAsync).Produces<DepartmentSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replaces a department's settings (the body of its creation), with If-Match: the ETag of your last read. A change made meanwhile answers 412.");
        departments.MapPost("/{id}/retire", RetireAsync).Produces<DepartmentSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .WithSummary("Retires a department: it takes no new contacts, and those waiting move to the department named in drainTo; its history stays readable.");
        departments.MapGet("/{id}/queue", QueueAsync).Produces<List<QueuedContact>>().AllowedTo(Role.Supervisor, Role.Integration)
            .WithSummary("The contacts waiting, in serving order, a page at a time (limit, after: the last contact of the page before; the next page in the Link header).");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(CreateDepartmentRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var id = check.Id("id", request.Id);
        var settings = await ReadSettingsAsync(check, id, request, grains);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var created = await grains.GetGrain<IDepartmentGrain>(id).CreateAsync(settings);
        if (created.Status != ReplyStatus.Ok)
        {
            return Problems.Refusal(created);
        }

        await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Departments).AddAsync(id);
        return TypedResults.Created($"/api/departments/{id}", created.Value);
    }

    private static async Task<IResult> ReplaceAsync(string id, CreateDepartmentRequest request, IGrainFactory grains, HttpContext http)
    {
        var (expected, refusal) = Versions.Expected(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var check = new Validator();
        if (check.Id("id", request.Id) != id && request.Id is not null)
        {
            check.Add("id", $"The path names department {id}; name the same.");
        }

        var settings = await ReadSettingsAsync(check, id, request, grains);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var replaced = await grains.GetGrain<IDepartmentGrain>(id).UpdateAsync(settings, expected);
        if (replaced.Value is { } department)
        {
            Versions.Tag(http, department.Version);
        }

        return Problems.From(replaced);
    }

    private static async Task<IResult> RetireAsync(string id, RetireDepartmentRequest request, IGrainFactory grains, HttpContext http)
    {
        var check = new Validator();
        var drainTo = check.Id("drainTo", request.DrainTo);
        if (check.IsValid && (drainTo == id || !await grains.GetGrain<IDepartmentGrain>(drainTo).ExistsAsync()))
        {
            check.Add("drainTo", $"Name another department that takes contacts; {drainTo} does not.");
        }

        return check.IsValid ? Problems.From(await grains.GetGrain<IDepartmentGrain>(id).RetireAsync(drainTo, Caller.NameOf(http.User))) : check.Problem();
    }

    /// <summary>The settings a creation or a replacement asks for, each field checked; the defaults for those left out.</summary>
    private static async Task<DepartmentSettings> ReadSettingsAsync(Validator check, string id, CreateDepartmentRequest request, IGrainFactory grains)
    {
        var name = check.Text("name", request.Name, 200) ?? id;
        var target = check.Seconds("serviceLevelTargetSeconds", request.ServiceLevelTargetSeconds, 1, 3600, TimeSpan.FromSeconds(20));
        List<EscalationStep> steps = [];
        foreach (var (step, field) in check.Items("escalation", request.Escalation))
        {
            var after = check.Seconds($"{field}.afterSeconds", check.Required($"{field}.afterSeconds", step.AfterSeconds), 0, 86_400, TimeSpan.Zero);
            var action = check.Required($"{field}.action", step.Action);
            if (action == EscalationAction.NeighbourDepartment)
            {
                var neighbour = check.Id($"{field}.department", step.Department);
                if (check.IsValid && (neighbour == id || !await grains.GetGrain<IDepartmentGrain>(neighbour).ExistsAsync()))
                {
                    check.Add($"{field}.department", $"No other department {neighbour}.");
                }
            }

            if (steps.Count > 0 && after < steps[^1].After)
            {
                check.Add($"{field}.afterSeconds", "Steps must come in order of their waits.");
            }

            steps.Add(new EscalationStep(after, action, action == EscalationAction.NeighbourDepartment ? step.Department : null));
        }

        var sla = SlaReader.Read(check, request.Sla);
        return new DepartmentSettings(name, request.Strategy ?? RoutingStrategy.LongestIdle, target, steps, sla);
    }

    private static Task<Results<Ok<List<DepartmentSnapshot>>, ValidationProblem>> ListAsync(HttpContext http, IGrainFactory grains, int? limit, string? after) =>
        Listing.PageAsync(http, grains, IDirectoryGrain.Departments, limit, after, id => grains.GetGrain<IDepartmentGrain>(id).GetAsync());

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, HttpContext http)
    {
        var department = await grains.GetGrain<IDepartmentGrain>(id).GetAsync();
        if (department.Value is { } found)
        {
            Versions.Tag(http, found.Version);
        }

        return Problems.From(department);
    }

    /// <remarks>
    /// The queue moves while it is read: a page follows its cursor's contact in the serving order of the moment, and when
    /// that contact has been served meanwhile the next page starts again at the head.
    /// </remarks>
    private static async Task<IResult> QueueAsync(string id, HttpContext http, IGrainFactory grains, int? limit, string? after)
    {
        var check = new Validator();
        var size = Listing.ReadPage(check, limit, after);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var department = await grains.GetGrain<IDepartmentGrain>(id).GetAsync();
        if (department.Value is not { } snapshot)
        {
            return Problems.Refusal(department);
        }

        var queue = snapshot.Queue;
        var from = after is null ? 0 : queue.Select(waiting => waiting.ContactId).ToList().IndexOf(after) + 1;
        var page = queue.Skip(from).Take(size).ToList();
        if (from + size < queue.Count)
        {
            Listing.LinkNext(http, size, page[^1].ContactId);
        }

        return TypedResults.Ok(page);
    }
}
