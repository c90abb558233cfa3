using Helpdesk.Api.Cluster;
using Helpdesk.Api.Health;
using Helpdesk.Api.Metrics;
using Helpdesk.Runtime.Activation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Api.Hosting;

/// <summary>Adds and maps Helpdesk's HTTP API.</summary>
public static class ApiHostingExtensions
{
    /// <summary>Adds ProblemDetails for every error, the OpenAPI document and the Prometheus exporter.</summary>
    public static IServiceCollection AddHelpdeskApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddMetrics();
        services.TryAddSingleton<PrometheusExporter>();
        return services;
    }

    /// <summary>Maps the API with its error handling: every non-2xx answer is <c>application/problem+json</c>.</summary>
    public static WebApplication MapHelpdeskApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeOf });
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapClusterEndpoints();
        app.MapMetricsEndpoints();
        return app;
    }

    private static int StatusCodeOf(Exception exception) => exception switch
    {
        SiloUnavailableException => StatusCodes.Status503ServiceUnavailable,
        TimeoutException => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
