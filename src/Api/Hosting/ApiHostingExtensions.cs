using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Helpdesk.Api.Access;
using Helpdesk.Api.Balancing;
using Helpdesk.Api.Board;
using Helpdesk.Api.Broadcasts;
using Helpdesk.Api.Calls;
using Helpdesk.Api.Cluster;
using Helpdesk.Api.Common;
using Helpdesk.Api.Contacts;
using Helpdesk.Api.Customers;
using Helpdesk.Api.Departments;
using Helpdesk.Api.Health;
using Helpdesk.Api.Operators;
using Helpdesk.Api.Reports;
using Helpdesk.Api.Supervision;
using Helpdesk.Api.Violations;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace Helpdesk.Api.Hosting;

/// <summary>Adds and maps Helpdesk's HTTP API.</summary>
public static partial class ApiHostingExtensions
{
    /// <summary>Adds ProblemDetails for every error, the OpenAPI document, health checks and the Prometheus exporter.</summary>
    /// <remarks>Enums travel as snake_case names (<c>phone</c>, <c>in_progress</c>, <c>l2</c>), read only exactly so (<see cref="EnumNames"/>).</remarks>
    public static IServiceCollection AddHelpdeskApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Draining>();
        services.AddHostedService(provider => provider.GetRequiredService<Draining>());
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new EnumNames());
            json.SerializerOptions.TypeInfoResolver = json.SerializerOptions.TypeInfoResolver?.WithAddedModifier(Durations.InSeconds).WithAddedModifier(Rounding.ToMeaning);
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

            // A client's mistake: one line at debug level, so that no client can flood the log.
            if (context.ProblemDetails.Status < 500 && context.Exception is { } refused)
            {
                LogClientError(Log(context.HttpContext), context.HttpContext.Request.Method, context.HttpContext.Request.Path, context.ProblemDetails.Status ?? 400, refused.Message);
            }

            // The grain's silo is being declared dead or is stopping: the same request succeeds on a survivor shortly. One line
            // in the log, not a stack trace per request of a failover.
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                if (context.Exception is { } exception)
                {
                    LogRetryable(Log(context.HttpContext), context.HttpContext.Request.Method, context.HttpContext.Request.Path, exception.GetType().Name, exception.Message);
                }
            }
        });
        services.AddHelpdeskAccess(configuration);
        services.AddOpenApi(openApi => openApi
            .AddSchemaTransformer(DescribeAsSent)
            .AddDocumentTransformer(AccessDocument.DeclareSchemeAsync)
            .AddOperationTransformer(AccessDocument.DescribeRolesAsync)
            .AddOperationTransformer(Refusals.DescribeAsync));
        services.AddHealthChecks();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HelpdeskInstruments.MeterName, OrleansMeter, NpgsqlMeter)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the API with its error handling: every non-2xx answer is <c>application/problem+json</c>.</summary>
    public static WebApplication MapHelpdeskApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusCodeOf,
            // A bad request is the caller's, and a retryable failure is logged in a line above; the rest keep their stack traces.
            SuppressDiagnosticsCallback = context => StatusCodeOf(context.Exception) is < 500 or StatusCodes.Status503ServiceUnavailable,
        });
        app.UseStatusCodePages();
        var draining = app.Services.GetRequiredService<Draining>();
        app.Use((context, next) => CloseConnectionsWhileDraining(draining, context, next));
        app.UseBoardFiles();
        app.UseHelpdeskAccess();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/reference", reference => reference.WithTitle("Helpdesk API").DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
        app.MapHealthEndpoints();
        var api = app.MapGroup("").AddEndpointFilter<PathIds>().AddEndpointFilter<UndeliveredCallRetry>();
        api.MapCredentialEndpoints();
        api.MapAuditEndpoints();
        api.MapClusterEndpoints();
        api.MapDepartmentEndpoints();
        api.MapOperatorEndpoints();
        api.MapCustomerEndpoints();
        api.MapContactEndpoints();
        api.MapBroadcastEndpoints();
        api.MapSupervisorEndpoints();
        api.MapBalancerEndpoints();
        api.MapBoardEndpoints();
        api.MapMissedCallEndpoints();
        api.MapReportEndpoints();
        api.MapViolationEndpoints();
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.AnonymousMetrics)
        {
            metrics.AllowAnonymous().DisableRateLimiting();
        }
        else
        {
            metrics.AllowedTo(Role.Admin);
        }
        return app;
    }

    /// <summary>
    /// Once a stop has begun, every answer closes its connection, so that clients and nginx open their next request
    /// elsewhere during the drain instead of sending it on a kept-alive connection just as HTTP stops and closes it: an
    /// HTTP/1.1 answer begun in the drain says <c>Connection: close</c>, and one under way when it began (an event stream)
    /// closes its connection when it ends.
    /// </summary>
    private static async Task CloseConnectionsWhileDraining(Draining draining, HttpContext context, RequestDelegate next)
    {
        if (draining.Started && HttpProtocol.IsHttp11(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        await next(context);
        if (draining.Started)
        {
            context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        }
    }

    /// <summary>Describes enums, durations and rounded numbers in the OpenAPI document as they are sent: <see cref="EnumNames"/>, <see cref="Durations"/>, <see cref="Rounding"/>.</summary>
    private static Task DescribeAsSent(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. EnumNames.All(type).Select(name => (JsonNode)name)];
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && context.JsonPropertyInfo is null && type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            // A request's required fields are those its endpoint refuses without, marked [Required]; not every parameter of its record.
            schema.Required = context.JsonTypeInfo.Properties
                .Where(property => property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                .Select(property => property.Name)
                .ToHashSet(StringComparer.Ordinal);
        }
        else if (type == typeof(TimeSpan) || type == typeof(double))
        {
            schema.Type = JsonSchemaType.Number;
            schema.Format = "double";
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>Orleans' own meter: activations, messaging, grain calls, storage, reminders, membership.</summary>
    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Npgsql's meter: connections and commands, when the silo runs on PostgreSQL.</summary>
    private const string NpgsqlMeter = "Npgsql";

    private static ILogger Log(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiHostingExtensions));

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}: {Reason}")]
    private static partial void LogClientError(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503, to be retried: {Exception}: {Reason}")]
    private static partial void LogRetryable(ILogger logger, string method, string path, string exception, string reason);

    private static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        TimeoutException => StatusCodes.Status504GatewayTimeout,
        // The cluster or its database failing for a moment, not the request: a silo declared dead while a call waited on it,
        // a message rejected, a state write that lost to a newer one (the grain reloads it), the database restarting. A
        // grain call cancelled by the runtime is as retryable; when the client itself went away, nobody reads the answer.
        OrleansException or DbException or OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
