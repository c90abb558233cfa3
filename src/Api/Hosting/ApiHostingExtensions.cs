using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Api.Balancing;
using Helpdesk.Api.Broadcasts;
using Helpdesk.Api.Calls;
using Helpdesk.Api.Cluster;
using Helpdesk.Api.Contacts;
using Helpdesk.Api.Customers;
using Helpdesk.Api.Departments;
using Helpdesk.Api.Health;
using Helpdesk.Api.Metrics;
using Helpdesk.Api.Operators;
using Helpdesk.Api.Reports;
using Helpdesk.Api.Supervision;
using Helpdesk.Api.Violations;
using Helpdesk.Runtime.Activation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Api.Hosting;

/// <summary>Adds and maps Helpdesk's HTTP API.</summary>
public static class ApiHostingExtensions
{
    /// <summary>Adds ProblemDetails for every error, the OpenAPI document and the Prometheus exporter.</summary>
    /// <remarks>Enums travel as snake_case names (<c>phone</c>, <c>in_progress</c>, <c>l2</c>), read in any case.</remarks>
    public static IServiceCollection AddHelpdeskApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            json.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.TryAddSingleton<IdempotencyGate>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A body that is not valid JSON for the request names the field at fault.
            if (context.Exception is BadHttpRequestException { InnerException: JsonException { Path: { } path } json })
            {
                context.ProblemDetails.Title = "The request body is not valid";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = [json.Message] };
            }
        });
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
        app.MapDepartmentEndpoints();
        app.MapOperatorEndpoints();
        app.MapCustomerEndpoints();
        app.MapContactEndpoints();
        app.MapBroadcastEndpoints();
        app.MapSupervisorEndpoints();
        app.MapBalancerEndpoints();
        app.MapMissedCallEndpoints();
        app.MapReportEndpoints();
        app.MapViolationEndpoints();
        app.MapMetricsEndpoints();
        return app;
    }

    private static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        SiloUnavailableException => StatusCodes.Status503ServiceUnavailable,
        TimeoutException => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
