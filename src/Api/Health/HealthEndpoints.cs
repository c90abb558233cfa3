using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Helpdesk.Api.Health;

/// <summary>Liveness and readiness for load balancers and orchestrators.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /health/live</c> and <c>GET /health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        health.MapGet("/live", Live).WithSummary("The process is up and serving HTTP.");
        health.MapGet("/ready", ReadyAsync).WithSummary("The silo has joined its cluster, its storage is reachable, and it is not stopping.");
        return endpoints;
    }

    private static Ok<HealthStatus> Live() => TypedResults.Ok(new HealthStatus("up", "The silo process is serving HTTP."));

    /// <summary>Runs every registered health check: the silo's own, and its storage's when it has one.</summary>
    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var details = string.Join(" ", report.Entries.Values.Select(entry => entry.Description).Where(description => !string.IsNullOrEmpty(description)));
        return report.Status == CheckStatus.Healthy
            ? TypedResults.Ok(new HealthStatus("up", details))
            : TypedResults.Problem(title: "Not ready", detail: details, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
