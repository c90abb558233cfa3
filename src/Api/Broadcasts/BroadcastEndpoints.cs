using System.Text.Json;
using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Api.Contacts;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Broadcasts;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Broadcasts;

/// <summary>Broadcasts: announcements of outages, updates and planned work that the IVR reads to customers.</summary>
public static class BroadcastEndpoints
{
    private const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>How far ahead a broadcast may end; every broadcast is over, and so eventually pruned, within it.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(365);

    /// <summary>Maps the broadcast routes.</summary>
    public static IEndpointRouteBuilder MapBroadcastEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var broadcasts = endpoints.MapGroup("/api/broadcasts").WithTags("Broadcasts");
        broadcasts.MapPost("", CreateAsync).Produces<Broadcast>(StatusCodes.Status201Created).AllowedTo(Role.Supervisor).Audited()
            .WithSummary("Announces an outage, an update or planned work to all, one department or one topic. Send an Idempotency-Key to retry safely.");
        broadcasts.MapGet("", ListAsync).Produces<IReadOnlyList<Broadcast>>().AllowedTo(Role.Integration, Role.Supervisor).WithSummary("Broadcasts, the latest start first: all, or only those active now (active=true) or not (active=false).");
        broadcasts.MapGet("/{id}", GetAsync).Produces<Broadcast>().AllowedTo(Role.Integration, Role.Supervisor).WithSummary("One broadcast.");
        broadcasts.MapDelete("/{id}", EndAsync).Produces<Broadcast>().AllowedTo(Role.Supervisor).Audited().WithSummary("Ends a broadcast now; it stays listed.");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        CreateBroadcastRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        IGrainFactory grains,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext context)
    {
        var now = time.GetUtcNow();
        var check = new Validator();
        var scope = check.Required("scope", request.Scope);
        var department = request.Scope == BroadcastScope.Department ? check.Id("department", request.Department) : NotFor(check, "department", request.Department);
        var topic = request.Scope == BroadcastScope.Topic ? check.Text("topic", request.Topic, 500, required: true) : NotFor(check, "topic", request.Topic);
        var message = check.Text("message", request.Message, 1000, required: true) ?? "";
        var start = request.Start ?? now;
        var end = check.Required("end", request.End);
        if (request.End is not null)
        {
            if (end <= now)
            {
                check.Add("end", "Must be in the future: a broadcast that is over cannot be announced.");
            }
            else if (end <= start)
            {
                check.Add("end", "Must be after the start.");
            }
            else if (end > now + Horizon)
            {
                check.Add("end", $"Must be within {Horizon.TotalDays} days from now.");
            }
        }

        if (idempotencyKey is not null)
        {
            check.Text(IdempotencyHeader, idempotencyKey, 255, required: true);
        }

        if (check.IsValid && scope == BroadcastScope.Department && !await grains.GetGrain<IDepartmentGrain>(department!).ExistsAsync())
        {
            check.Add("department", $"No department {department}.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var id = IdempotencyGate.IdFor("b", idempotencyKey, context);
        var broadcast = new Broadcast(id, scope, department, topic, message, start, end);
        var fingerprint = IdempotencyGate.Fingerprint(JsonSerializer.SerializeToUtf8Bytes(request, json.Value.SerializerOptions));
        var created = await Center(grains).CreateAsync(broadcast, fingerprint);
        return created.Status == ReplyStatus.Ok
            ? TypedResults.Created($"/api/broadcasts/{id}", created.Value)
            : Problems.Refusal(created);
    }

    private static async Task<IResult> ListAsync(bool? active, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) =>
        TypedResults.Ok(await Center(grains).ListAsync(active, time.GetUtcNow()));

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        Problems.From(await Center(grains).GetAsync(id));

    private static async Task<IResult> EndAsync(string id, IGrainFactory grains) =>
        Problems.From(await Center(grains).EndAsync(id));

    /// <summary>The department and the topic each belong to the scope of that name, and must be absent for the others.</summary>
    private static string? NotFor(Validator check, string field, string? value)
    {
        if (value is not null)
        {
            check.Add(field, $"Only for scope {field}.");
        }

        return null;
    }

    private static IBroadcastGrain Center(IGrainFactory grains) => grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Center);
}
