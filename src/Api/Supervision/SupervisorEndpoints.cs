using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Supervision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Supervision;

/// <summary>The supervisors' live feed: SLA violations, KPI alerts and what else they should see now.</summary>
public static class SupervisorEndpoints
{
    /// <summary>Maps the supervisor routes.</summary>
    public static IEndpointRouteBuilder MapSupervisorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var supervisor = endpoints.MapGroup("/api/supervisor").WithTags("Supervision").AllowedTo(Role.Supervisor);
        supervisor.MapGet("/events", StreamEventsAsync).WithStreamTickets()
            .WithSummary("Server-sent events for supervisors: each notice with its id and type. Resumes after Last-Event-ID.")
            .Produces<SupervisorNotice>(StatusCodes.Status200OK, "text/event-stream");
        supervisor.MapGet("/notices", NoticesAsync).Produces<IReadOnlyList<SupervisorNotice>>().WithSummary("The recent notices after an id (all kept when none is given), oldest first.");
        return endpoints;
    }

    private static Task StreamEventsAsync(HttpContext context, IGrainFactory grains, IOptions<JsonOptions> json) =>
        EventStream.WriteAsync(context, Feed(grains).WatchAsync, notice => (notice.Id, notice.Type), json.Value.SerializerOptions);

    private static async Task<IResult> NoticesAsync(long? after, IGrainFactory grains)
    {
        if (after < 0)
        {
            var check = new Validator();
            check.Add("after", "Must be 0 or more.");
            return check.Problem();
        }

        return TypedResults.Ok(await Feed(grains).WatchAsync(after ?? 0, TimeSpan.Zero, CancellationToken.None));
    }

    private static ISupervisorFeedGrain Feed(IGrainFactory grains) => grains.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center);
}
