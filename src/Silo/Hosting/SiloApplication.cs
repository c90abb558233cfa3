using Helpdesk.Api.Hosting;
using Helpdesk.Grains.Hosting;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Silo.Hosting;

/// <summary>Builds the silo: the runtime with the grains, its storage, and the public API.</summary>
public static partial class SiloApplication
{
    /// <summary>The address served when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>The connection string's name: <c>ConnectionStrings__Helpdesk</c> in the environment.</summary>
    public const string ConnectionStringName = "Helpdesk";

    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--connection-string"] = $"ConnectionStrings:{ConnectionStringName}",
    };

    /// <summary>Builds the silo's web application from command-line arguments and configuration.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Routing").Get<RoutingPolicy>() ?? RoutingPolicy.Default);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Karma").Get<KarmaPolicy>() ?? KarmaPolicy.Default);
        builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Kpi").Get<KpiPolicy>() ?? KpiPolicy.Default));
        builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Balancer").Get<BalancerPolicy>() ?? BalancerPolicy.Default));
        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddHelpdeskGrains();
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                runtime.UsePostgreSql(connectionString);
            }
        });
        builder.Services.AddHelpdeskApi();

        var app = builder.Build();
        LogStorage(app.Logger, string.IsNullOrWhiteSpace(connectionString) ? "in memory (nothing survives a restart)" : "PostgreSQL");
        app.MapHelpdeskApi();
        return app;
    }

    /// <summary>The KPI policy, or a start-up failure that names the setting at fault.</summary>
    private static BalancerPolicy Validated(BalancerPolicy balancer) =>
        balancer.Problem() is { } problem ? throw new OptionsValidationException("Balancer", typeof(BalancerPolicy), [problem]) : balancer;

    private static KpiPolicy Validated(KpiPolicy kpi) =>
        kpi.Problem() is { } problem ? throw new OptionsValidationException("Kpi", typeof(KpiPolicy), [problem]) : kpi;

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state and reminders are kept {Storage}")]
    private static partial void LogStorage(ILogger logger, string storage);
}
