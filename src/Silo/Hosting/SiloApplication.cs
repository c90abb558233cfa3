using Helpdesk.Api.Hosting;
using Helpdesk.Cluster.Hosting;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Hosting;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Silo.Hosting;

/// <summary>Builds the silo: Orleans with the grains and their storage, and the public API co-hosted, so every silo is a gateway.</summary>
public static partial class SiloApplication
{
    /// <summary>The address served when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--connection-string"] = $"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}",
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
        builder.Services.AddSingleton(builder.Configuration.GetSection("Routing").Get<RoutingPolicy>() ?? RoutingPolicy.Default);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Karma").Get<KarmaPolicy>() ?? KarmaPolicy.Default);
        builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Kpi").Get<KpiPolicy>() ?? KpiPolicy.Default));
        builder.Services.AddSingleton(Validated(builder.Configuration.GetSection("Balancer").Get<BalancerPolicy>() ?? BalancerPolicy.Default));
        builder.UseOrleans(silo => silo.UseHelpdeskCluster(builder.Configuration).AddHelpdeskGrains());
        builder.Services.AddHelpdeskApi(builder.Configuration);
        customize?.Invoke(builder);

        var app = builder.Build();
        var connectionString = builder.Configuration.GetConnectionString(ClusterHostingExtensions.ConnectionStringName);
        LogStorage(app.Logger, string.IsNullOrWhiteSpace(connectionString) ? "in memory (nothing survives a restart)" : "on PostgreSQL");
        app.MapHelpdeskApi();
        return app;
    }

    /// <summary>The balancer policy, or a start-up failure that names the setting at fault.</summary>
    private static BalancerPolicy Validated(BalancerPolicy balancer) =>
        balancer.Problem() is { } problem ? throw new OptionsValidationException("Balancer", typeof(BalancerPolicy), [problem]) : balancer;

    /// <summary>The KPI policy, or a start-up failure that names the setting at fault.</summary>
    private static KpiPolicy Validated(KpiPolicy kpi) =>
        kpi.Problem() is { } problem ? throw new OptionsValidationException("Kpi", typeof(KpiPolicy), [problem]) : kpi;

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state, reminders and membership are kept {Storage}")]
    private static partial void LogStorage(ILogger logger, string storage);
}
