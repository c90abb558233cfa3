using Helpdesk.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Api.Health;

/// <summary>Liveness and readiness for load balancers and orchestrators.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /health/live</c> and <c>GET /health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", Live).WithSummary("The process is up and serving HTTP.");
        health.MapGet("/ready", ReadyAsync).WithSummary("Storage is reachable and migrated, and the silo is not stopping.");
        return endpoints;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("up", "The silo process is serving HTTP."));

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(SiloStatus silo, CancellationToken cancellationToken)
    {
        var (ready, reason) = await silo.CheckReadyAsync(cancellationToken);
        return ready
            ? TypedResults.Ok(new HealthStatus("up", reason))
            : TypedResults.Problem(title: "Not ready", detail: reason, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
