using System.Text.Json;
using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Operators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Operators;

/// <summary>Operators: their profile, presence, and the event stream their desktop takes offers from.</summary>
public static class OperatorEndpoints
{
    /// <summary>Maps the operator routes.</summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var operators = endpoints.MapGroup("/api/operators").WithTags("Operators");
        operators.MapPost("", CreateAsync).Produces<OperatorSnapshot>(StatusCodes.Status201Created).AllowedTo(Role.Supervisor).Audited().WithSummary("Creates an operator, offline.");
        operators.MapGet("", ListAsync).AllowedTo(Role.Supervisor).WithSummary("The operators, by id, a page at a time (limit, after; the next page in the Link header).");
        operators.MapGet("/{id}", GetAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Operator, Role.Supervisor).AddEndpointFilter(ActAsSelf.InPath).WithSummary("An operator: presence, contacts held, difficulty load, KPI counters.");
        operators.MapPut("/{id}", ReplaceAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replaces an operator's profile (the body of their creation), with If-Match: the ETag of your last read. Departments they leave let them go; contacts they hold stay. A change made meanwhile answers 412.");
        operators.MapPost("/{id}/retire", RetireAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .WithSummary("Retires an operator: home from any loan, offline (what they hold is dispatched again), out of every department; no change is accepted afterwards and their history stays readable.");
        operators.MapPut("/{id}/presence", SetPresenceAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Operator, Role.Supervisor).AddEndpointFilter(ActAsSelf.InPath).WithSummary("Sets presence: available, break or offline.");
        operators.MapGet("/{id}/events", StreamEventsAsync).AllowedTo(Role.Operator, Role.Supervisor).AddEndpointFilter(ActAsSelf.InPath).WithStreamTickets()
            .WithSummary("Server-sent events for the operator's desktop: offers, withdrawn offers, presence changes. Resumes after Last-Event-ID.")
            .Produces<OperatorEvent>(StatusCodes.Status200OK, "text/event-stream");
        operators.MapPost("/{id}/move", MoveAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .WithSummary("Lends the operator to a department until a time or until recalled: they take its contacts alone, or as a reserve (keepsHome) after their own; they finish those they hold.");
        operators.MapPost("/{id}/return", ReturnAsync).Produces<OperatorSnapshot>().AllowedTo(Role.Supervisor).Audited().WithSummary("Ends the operator's loan: they serve their own departments again.");
        return endpoints;
    }

    private static async Task<IResult> MoveAsync(string id, MoveRequest request, IGrainFactory grains, HttpContext http)
    {
        var check = new Validator();
        var department = check.Id("department", request.Department);
        var reason = check.Text("reason", request.Reason, 500) ?? "moved by a supervisor";
        return check.IsValid
            ? Problems.From(await grains.GetGrain<IOperatorGrain>(id).LendAsync(department, request.Until, reason, Caller.NameOf(http.User), request.KeepsHome ?? false))
            : check.Problem();
    }

    private static async Task<IResult> RetireAsync(string id, IGrainFactory grains, HttpContext http) =>
        Problems.From(await grains.GetGrain<IOperatorGrain>(id).RetireAsync(Caller.NameOf(http.User)));

    private static async Task<IResult> ReturnAsync(string id, IGrainFactory grains, HttpContext http) =>
        Problems.From(await grains.GetGrain<IOperatorGrain>(id).ReturnAsync(Caller.NameOf(http.User)));

    private static async Task<IResult> CreateAsync(CreateOperatorRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var id = check.Id("id", request.Id);
        var profile = await ReadProfileAsync(check, id, request, grains);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var created = await grains.GetGrain<IOperatorGrain>(id).CreateAsync(profile);
        if (created.Status != ReplyStatus.Ok)
        {
            return Problems.Refusal(created);
        }

        await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Operators).AddAsync(id);
        return TypedResults.Created($"/api/operators/{id}", created.Value);
    }

    private static async Task<IResult> ReplaceAsync(string id, CreateOperatorRequest request, IGrainFactory grains, HttpContext http)
    {
        var (expected, refusal) = Versions.Expected(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var check = new Validator();
        if (check.Id("id", request.Id) != id && request.Id is not null)
        {
            check.Add("id", $"The path names operator {id}; name the same.");
        }

        var profile = await ReadProfileAsync(check, id, request, grains);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var replaced = await grains.GetGrain<IOperatorGrain>(id).UpdateAsync(profile, expected);
        if (replaced.Value is { } found)
        {
            Versions.Tag(http, found.ProfileVersion);
        }

        return Problems.From(replaced);
    }

    /// <summary>The profile a creation or a replacement asks for, each field checked, its departments known; the defaults for those left out.</summary>
    private static async Task<OperatorProfile> ReadProfileAsync(Validator check, string id, CreateOperatorRequest request, IGrainFactory grains)
    {
        var name = check.Text("name", request.Name, 200) ?? id;
        var line = check.Required("line", request.Line);
        var skills = request.Skills ?? new Dictionary<string, int>();
        foreach (var (skill, proficiency) in skills)
        {
            check.Id($"skills.{skill}", skill);
            check.Range($"skills.{skill}", proficiency, 1, 5);
        }

        var departments = request.Departments ?? [];
        if (departments.Count == 0)
        {
            check.Add("departments", "Required: name at least one department; the first is the operator's home.");
        }

        foreach (var (department, i) in departments.Select((d, i) => (d, i)))
        {
            check.Id($"departments[{i}]", department);
        }

        var capacity = request.Capacity ?? OperatorProfile.DefaultCapacity;
        foreach (var (channel, count) in capacity)
        {
            check.Range($"capacity.{JsonNamingPolicy.SnakeCaseLower.ConvertName(channel.ToString())}", count, 0, 50);
        }

        var wrapUp = check.Seconds("wrapUpSeconds", request.WrapUpSeconds, 0, 3600, TimeSpan.Zero);
        if (check.IsValid)
        {
            foreach (var (department, i) in departments.Select((d, i) => (d, i)))
            {
                if (!await grains.GetGrain<IDepartmentGrain>(department).ExistsAsync())
                {
                    check.Add($"departments[{i}]", $"No department {department}.");
                }
            }
        }

        return new OperatorProfile(name, line, skills, [.. departments.Distinct(StringComparer.Ordinal)], capacity, wrapUp);
    }

    private static Task<Results<Ok<List<OperatorSnapshot>>, ValidationProblem>> ListAsync(HttpContext http, IGrainFactory grains, int? limit, string? after) =>
        Listing.PageAsync(http, grains, IDirectoryGrain.Operators, limit, after, id => grains.GetGrain<IOperatorGrain>(id).GetAsync());

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, HttpContext http)
    {
        var found = await grains.GetGrain<IOperatorGrain>(id).GetAsync();
        if (found.Value is { } snapshot)
        {
            Versions.Tag(http, snapshot.ProfileVersion);
        }

        return Problems.From(found);
    }

    private static async Task<IResult> SetPresenceAsync(string id, PresenceRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var presence = check.Required("presence", request.Presence);
        return check.IsValid ? Problems.From(await grains.GetGrain<IOperatorGrain>(id).SetPresenceAsync(presence)) : check.Problem();
    }

    private static async Task StreamEventsAsync(string id, HttpContext context, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var operatorGrain = grains.GetGrain<IOperatorGrain>(id);
        if ((await operatorGrain.GetAsync()).Status != ReplyStatus.Ok)
        {
            await Problems.NotFound($"No operator {id}.").ExecuteAsync(context);
            return;
        }

        await EventStream.WriteAsync(context, operatorGrain.WatchAsync, e => (e.Id, e.Type), json.Value.SerializerOptions);
    }
}
