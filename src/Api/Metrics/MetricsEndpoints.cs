using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Metrics;

/// <summary>The Prometheus scrape endpoint.</summary>
public static class MetricsEndpoints
{
    /// <summary>Maps <c>GET /metrics</c>: this silo's metrics in the Prometheus text format 0.0.4.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Resolved now rather than at the first scrape, so that it listens from start-up.
        _ = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        endpoints.MapGet("/metrics", Scrape)
            .WithTags("Metrics")
            .WithSummary("This silo's metrics in the Prometheus text format.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return endpoints;
    }

    private static ContentHttpResult Scrape(PrometheusExporter exporter) => TypedResults.Text(exporter.Scrape(), PrometheusText.ContentType);
}
