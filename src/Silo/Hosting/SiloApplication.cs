using Helpdesk.Api.Access;
using Helpdesk.Api.Hosting;
using Helpdesk.Cluster.Hosting;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Hosting;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Helpdesk.Silo.Hosting;

/// <summary>
/// Builds a silo (Orleans with the grains and their storage, the public API co-hosted, so every silo is a gateway) or,
/// with <c>--role frontend</c>, a front end: the same API on an Orleans client, with no grains of its own.
/// </summary>
public static partial class SiloApplication
{
    /// <summary>The address served when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>The setting that chooses the role: <c>silo</c> (the default) or <c>frontend</c>.</summary>
    public const string RoleSetting = "Helpdesk:Role";

    /// <summary>The setting that serves the Orleans Dashboard at <c>/dashboard</c> (off by default: it profiles every grain call).</summary>
    public const string DashboardSetting = "Orleans:Dashboard";

    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--connection-string"] = $"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}",
        ["--role"] = RoleSetting,
    };

    /// <summary>Builds the silo's web application from command-line arguments and configuration.</summary>
    /// <param name="args">The command line: <c>--urls</c>, <c>--connection-string</c> and any setting as <c>--Section:Key=value</c>.</param>
    /// <param name="customize">Changes to the services after the silo's own, before the application is built (tests use it for a clock).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // HTTP comes up while the silo joins its cluster (or waits for its database), answering 503 until it is ready;
        // it still stops first, so the requests under way finish on a running silo.
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        var frontEnd = IsFrontEnd(builder.Configuration);
        var dashboard = builder.Configuration.GetValue<bool>(DashboardSetting);
        if (frontEnd)
        {
            builder.UseOrleansClient(client =>
            {
                client.UseHelpdeskGateways(builder.Configuration);
                if (dashboard)
                {
                    client.AddDashboard();
                }
            });
        }
        else
        {
            builder.Services.AddSingleton(builder.Configuration.GetSection("Routing").Get<RoutingPolicy>() ?? RoutingPolicy.Default);
            builder.Services.AddSingleton(builder.Configuration.GetSection("Karma").Get<KarmaPolicy>() ?? KarmaPolicy.Default);
            builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Kpi").Get<KpiPolicy>() ?? KpiPolicy.Default));
            builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Balancer").Get<BalancerPolicy>() ?? BalancerPolicy.Default));
            builder.Services.AddHostedService<FirstAdminKey>();
            builder.UseOrleans(silo =>
            {
                silo.UseHelpdeskCluster(builder.Configuration).AddHelpdeskGrains();
                if (dashboard)
                {
                    silo.AddDashboard();
                }
            });
        }

        builder.Services.AddHelpdeskApi(builder.Configuration);
        customize?.Invoke(builder);

        var app = builder.Build();
        if (frontEnd)
        {
            LogFrontEnd(app.Logger);
        }
        else
        {
            var connectionString = builder.Configuration.GetConnectionString(ClusterHostingExtensions.ConnectionStringName);
            LogStorage(app.Logger, string.IsNullOrWhiteSpace(connectionString) ? "in memory (nothing survives a restart)" : "on PostgreSQL");
        }

        app.MapHelpdeskApi();
        if (dashboard)
        {
            app.MapOrleansDashboard("/dashboard").AllowedTo(Role.Admin).WithStreamTickets();
        }

        return app;
    }

    /// <summary>Whether the configuration asks for a front end; a role that is neither <c>silo</c> nor <c>frontend</c> fails the start.</summary>
    private static bool IsFrontEnd(IConfiguration configuration) => configuration[RoleSetting]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "silo" => false,
        "frontend" => true,
        var role => throw new OptionsValidationException(RoleSetting, typeof(string), [$"{RoleSetting} (--role) is 'silo' or 'frontend', not '{role}'."]),
    };

    /// <summary>The balancer policy, or a start-up failure that names the setting at fault.</summary>
    private static BalancerPolicy Validated(BalancerPolicy balancer) =>
        balancer.Problem() is { } problem ? throw new OptionsValidationException("Balancer", typeof(BalancerPolicy), [problem]) : balancer;

    /// <summary>The KPI policy, or a start-up failure that names the setting at fault.</summary>
    private static KpiPolicy Validated(KpiPolicy kpi) =>
        kpi.Problem() is { } problem ? throw new OptionsValidationException("Kpi", typeof(KpiPolicy), [problem]) : kpi;

    [LoggerMessage(Level = LogLevel.Information, Message = "A front end: no grains here; every call goes to the silos through their gateways, found in the membership table on PostgreSQL")]
    private static partial void LogFrontEnd(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state, reminders and membership are kept {Storage}")]
    private static partial void LogStorage(ILogger logger, string storage);
}
