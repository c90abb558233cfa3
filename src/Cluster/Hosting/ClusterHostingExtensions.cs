using System.Net;
using System.Net.Sockets;
using Helpdesk.Cluster.PostgreSql;
using Helpdesk.Cluster.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Configuration;
using Orleans.Serialization.Configuration;

namespace Helpdesk.Cluster.Hosting;

/// <summary>Puts a silo in its cluster: membership, endpoints, grain storage and reminders, in memory or on PostgreSQL.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings__Helpdesk</c> in the environment.</summary>
    public const string ConnectionStringName = "Helpdesk";

    /// <summary>The cluster and service id when <c>Orleans:ClusterId</c> or <c>Orleans:ServiceId</c> is not set.</summary>
    public const string DefaultClusterId = "helpdesk";

    /// <summary>The PostgreSQL provider's ADO.NET invariant name.</summary>
    private const string Npgsql = "Npgsql";

    /// <summary>The ADO.NET grain storage's own name; grains use it through <see cref="TypedKeyGrainStorage"/>, the default storage.</summary>
    private const string PostgreSqlStorage = "postgresql";

    /// <summary>
    /// With no <c>ConnectionStrings:Helpdesk</c>: one silo on loopback, grain state and reminders in memory. With it: membership,
    /// grain state and reminders on PostgreSQL, in the schema our migrations keep, and as many silos as share that database.
    /// </summary>
    /// <remarks>
    /// Orleans reads its own settings from the <c>Orleans</c> section (<c>Name</c>, <c>ClusterId</c>, <c>ServiceId</c>,
    /// <c>Endpoints:SiloPort</c>, <c>Endpoints:GatewayPort</c>, <c>Endpoints:AdvertisedIPAddress</c>, <c>Messaging</c>), and this
    /// silo binds <c>Orleans:Membership</c> to Orleans' <c>ClusterMembershipOptions</c> (how a dead silo is detected) and
    /// <c>Orleans:Directory</c> to its <c>GrainDirectoryOptions</c> (how long a dead silo's grains stay leased); a port
    /// not set is a free one chosen at start-up, so silos on one machine need no settings of their own. The silo's
    /// other settings are <see cref="SiloSettings"/>. Every type crossing a grain boundary is checked for a codec at start-up.
    /// </remarks>
    public static ISiloBuilder UseHelpdeskCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        services.AddOptions<SiloSettings>().Bind(configuration.GetSection(SiloSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } clusterId ? clusterId : DefaultClusterId;
            cluster.ServiceId = configuration["Orleans:ServiceId"] is { Length: > 0 } serviceId ? serviceId : DefaultClusterId;
        });
        services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        services.Configure<GrainDirectoryOptions>(configuration.GetSection("Orleans:Directory"));
        services.Configure<TypeManifestOptions>(types => types.EnableConfigurationAnalysis = true);
        services.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = settings.ReminderPeriod);
        services.AddSingleton<SiloHealthCheck>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SiloHealthCheck>());
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
#pragma warning disable ORLEANSEXP003 // The strongly consistent in-cluster directory: one activation per grain, even while membership changes.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003

        var endpoints = configuration.GetSection("Orleans:Endpoints");
        var siloPort = Port(endpoints["SiloPort"]);
        var gatewayPort = Port(endpoints["GatewayPort"]);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? silo.InMemory(siloPort, gatewayPort)
            : silo.OnPostgreSql(connectionString, siloPort, gatewayPort, AdvertisedAddress(endpoints["AdvertisedIPAddress"], settings.AdvertisedHost));
    }

    /// <summary>One silo on loopback that is its own cluster; state and reminders live as long as the process.</summary>
    private static ISiloBuilder InMemory(this ISiloBuilder silo, int siloPort, int gatewayPort)
    {
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = IPAddress.Loopback;
            endpoints.SiloPort = siloPort;
            endpoints.GatewayPort = gatewayPort;
        });
        silo.UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, siloPort));
        silo.AddMemoryGrainStorageAsDefault(storage => storage.GrainStorageSerializer = new JsonGrainStateSerializer());
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>Membership, grain state and reminders in PostgreSQL, migrated first thing at start-up.</summary>
    private static ISiloBuilder OnPostgreSql(this ISiloBuilder silo, string connectionString, int siloPort, int gatewayPort, IPAddress advertised)
    {
        var database = PostgreSqlDatabase.Create(connectionString);
        var services = silo.Services;
        services.AddSingleton(database);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SchemaMigrator>());
        services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("postgresql");
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = advertised;
            endpoints.SiloPort = siloPort;
            endpoints.GatewayPort = gatewayPort;
        });
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Npgsql;
            clustering.DataSource = database.DataSource;
        });
        silo.AddAdoNetGrainStorage(PostgreSqlStorage, storage =>
        {
            storage.Invariant = Npgsql;
            storage.DataSource = database.DataSource;
            storage.GrainStorageSerializer = new JsonGrainStateSerializer();
        });
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (provider, _) => new TypedKeyGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(PostgreSqlStorage)));
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = Npgsql;
            reminders.DataSource = database.DataSource;
        });
        return silo;
    }

    /// <summary>The port configured, or a free one of this machine.</summary>
    private static int Port(string? configured)
    {
        if (int.TryParse(configured, out var port) && port > 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IPAddress AdvertisedAddress(string? configured, string? host) =>
        IPAddress.TryParse(configured, out var address) ? address
        : string.IsNullOrWhiteSpace(host) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var literal) ? literal
        : Dns.GetHostAddresses(host).FirstOrDefault(candidate => candidate.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"Silo:AdvertisedHost '{host}' resolves to no IPv4 address; give an address, or a host name other silos can reach.");
}
