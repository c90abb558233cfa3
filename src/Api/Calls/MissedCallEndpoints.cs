using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Api.Contacts;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Calls;

/// <summary>Missed calls: each is closed at once, linked to where the customer was reached or turned into a callback task.</summary>
public static class MissedCallEndpoints
{
    /// <summary>Maps the missed-call routes.</summary>
    public static IEndpointRouteBuilder MapMissedCallEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var calls = endpoints.MapGroup("/api/calls/missed").WithTags("Missed calls");
        calls.MapPost("", RegisterAsync).Produces<MissedCallRecord>(StatusCodes.Status201Created).AllowedTo(Role.Integration)
            .WithSummary("Registers a missed call and closes it by the regulation: a link to the ticket where the customer was reached since, or a callback task (by phone while fresh, by e-mail after two working days) due now or in the next working hours.");
        calls.MapGet("/{id}", GetAsync).Produces<MissedCallRecord>().AllowedTo(Role.Integration, Role.Supervisor).WithSummary("A missed call and how it was closed.");
        return endpoints;
    }

    private static async Task<IResult> RegisterAsync(MissedCallRequest request, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time, HttpContext context)
    {
        var check = new Validator();
        var id = request.Id is null ? IdempotencyGate.IdFor("m", null, context) : check.Id("id", request.Id);
        var customerId = check.Id("customerId", request.CustomerId);
        var at = check.Required("at", request.At);
        var department = check.Id("department", request.Department);
        var operatorId = request.OperatorId is null ? null : check.Id("operatorId", request.OperatorId);
        var topic = check.Text("topic", request.Topic, 500);
        if (request.At > time.GetUtcNow())
        {
            check.Add("at", "A missed call cannot be in the future.");
        }

        if (check.IsValid && !await grains.GetGrain<IDepartmentGrain>(department).ExistsAsync())
        {
            check.Add("department", $"No department {department}.");
        }

        if (check.IsValid && operatorId is not null && (await grains.GetGrain<IOperatorGrain>(operatorId).GetAsync()).Status != ReplyStatus.Ok)
        {
            check.Add("operatorId", $"No operator {operatorId}.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var registered = await grains.GetGrain<IMissedCallGrain>(id).RegisterAsync(new MissedCall(customerId, at, department, operatorId, topic));
        return registered.Status == ReplyStatus.Ok
            ? TypedResults.Created($"/api/calls/missed/{id}", registered.Value)
            : Problems.Refusal(registered);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        Problems.From(await grains.GetGrain<IMissedCallGrain>(id).GetAsync());
}
