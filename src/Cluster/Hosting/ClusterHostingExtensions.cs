using System.Net;
using System.Net.Sockets;
using Helpdesk.Cluster.PostgreSql;
using Helpdesk.Cluster.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using Orleans.Storage;

namespace Helpdesk.Cluster.Hosting;

/// <summary>Puts a silo in its cluster: grain state and reminders, membership and endpoints, in memory or on PostgreSQL.</summary>
/// <remarks>
/// With no <c>ConnectionStrings:Helpdesk</c>: one silo on loopback, state and reminders in memory. With it: everything on
/// PostgreSQL, in the schema our migrations keep, for as many silos as share that database. Orleans reads its own settings
/// from the <c>Orleans</c> section (<c>Name</c>, <c>ClusterId</c>, <c>ServiceId</c>, <c>Endpoints:SiloPort</c>,
/// <c>Endpoints:GatewayPort</c>, <c>Endpoints:AdvertisedIPAddress</c>, <c>Messaging</c>); this silo also binds
/// <c>Orleans:Membership</c> to Orleans' <c>ClusterMembershipOptions</c> (how a dead silo is detected) and
/// <c>Orleans:Directory</c> to its <c>GrainDirectoryOptions</c> (how long a dead silo's grains stay leased). Its other
/// settings are <see cref="SiloSettings"/>.
/// </remarks>
public static class ClusterHostingExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings__Helpdesk</c> in the environment.</summary>
    public const string ConnectionStringName = "Helpdesk";

    /// <summary>The cluster and service id when <c>Orleans:ClusterId</c> or <c>Orleans:ServiceId</c> is not set.</summary>
    public const string DefaultClusterId = "helpdesk";

    /// <summary>
    /// The first probe timeout when <c>Orleans:Membership:ProbeTimeout</c> is not set: 2 s, not Orleans' 5, so that a silo
    /// that dies is voted dead by two others and its grains answer from survivors within 10 s (Orleans adapts the timeout
    /// to the replies it sees, between half and four times this).
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a probe may wait, as a multiple of the first probe timeout, when <c>Orleans:Membership:MaxProbeTimeout</c>
    /// is not set: 1.5 (3 s by default), not the 4 Orleans derives. Orleans holds back a death vote against a silo that sent
    /// any message within <c>NumMissedProbesLimit</c> (3) × the longest wait, so a silo that froze (a stopped process, a
    /// stalled machine) with messages in flight is voted dead after about 10 s rather than 25.
    /// </summary>
    public const double MaxProbeTimeoutFactor = 1.5;

    /// <summary>
    /// How long the grains of a silo that died stay leased to it when <c>Orleans:Directory:RangeLeaseDuration</c> is not set:
    /// 10 s from its estimated failure, not Orleans' 30. No survivor activates them before, so that a silo that only froze
    /// has stopped serving them first; ours stops as soon as it runs again (<see cref="FreezeGuard"/>), and with Orleans'
    /// 30 s every contact that needed one of them waited up to 25 s after a kill.
    /// </summary>
    public static readonly TimeSpan RangeLeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping silo stays a member after handing its grains over (<see cref="HandOverGrace"/>); <c>Orleans:HandOverGrace</c>.</summary>
    public static readonly TimeSpan HandOverGracePeriod = TimeSpan.FromSeconds(3);

    /// <summary>How often a front end reads the silos' gateways from the membership table when <c>Orleans:Gateways:RefreshPeriod</c> is not set.</summary>
    public static readonly TimeSpan GatewayRefreshPeriod = TimeSpan.FromSeconds(10);

    /// <summary>The PostgreSQL provider's ADO.NET invariant name.</summary>
    private const string Npgsql = "Npgsql";

    /// <summary>The ADO.NET grain storage's own name; grains use it through <see cref="TypedKeyGrainStorage"/>, the default storage.</summary>
    private const string PostgreSqlStorage = "postgresql";

    /// <summary>The whole of it: <see cref="AddHelpdeskStorage"/> and <see cref="UseHelpdeskMembership"/>.</summary>
    public static ISiloBuilder UseHelpdeskCluster(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.AddHelpdeskStorage(configuration).UseHelpdeskMembership(configuration);

    /// <summary>
    /// Grain state (as plain JSON) and reminders, in memory or on PostgreSQL migrated at start-up; the silo's settings and
    /// readiness; and a check at start-up that every type crossing a grain boundary has a codec.
    /// </summary>
    /// <remarks>Orleans' test cluster brings membership of its own and takes only this part.</remarks>
    public static ISiloBuilder AddHelpdeskStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        services.AddOptions<SiloSettings>().Bind(configuration.GetSection(SiloSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<TypeManifestOptions>(types => types.EnableConfigurationAnalysis = true);
        services.AddSerializer(serializer => serializer.AddJsonSerializer(JsonGrainStateSerializer.IsGrainState, JsonGrainStateSerializer.Options));
        services.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = settings.ReminderPeriod);
        services.AddSingleton<SiloHealthCheck>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SiloHealthCheck>());
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        if (ConnectionString(configuration) is not { } connectionString)
        {
            services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, _) => new InMemoryGrainStorage(new JsonGrainStateSerializer()));
            silo.UseInMemoryReminderService();
            return silo;
        }

        AddPostgreSql(services, connectionString);
        silo.AddAdoNetGrainStorage(PostgreSqlStorage, storage => storage.Configure<PostgreSqlDatabase>((options, database) =>
        {
            options.Invariant = Npgsql;
            options.DataSource = database.DataSource;
            options.GrainStorageSerializer = new JsonGrainStateSerializer();
        }));
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (provider, _) => new TypedKeyGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(PostgreSqlStorage), provider.GetService<FreezeGuard>()));
        silo.UseAdoNetReminderService(reminders => reminders.Configure<PostgreSqlDatabase>((options, database) =>
        {
            options.Invariant = Npgsql;
            options.DataSource = database.DataSource;
        }));
        var reminderTable = services.Last(service => service.ServiceType == typeof(IReminderTable)).ImplementationType!;
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(provider =>
            new PortableReminderTable((IReminderTable)ActivatorUtilities.CreateInstance(provider, reminderTable))));
        return silo;
    }

    /// <summary>
    /// Membership, endpoints and the grain directory: one silo on loopback that is its own cluster, or silos that find each
    /// other in PostgreSQL. A port not set is a free one chosen at start-up, so silos on one machine need no settings of their own.
    /// </summary>
    public static ISiloBuilder UseHelpdeskMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        ConfigureClusterIds(services, configuration);
        services.AddOptions<ClusterMembershipOptions>()
            .Configure(membership => membership.ProbeTimeout = ProbeTimeout)
            .Bind(configuration.GetSection("Orleans:Membership"))
            .PostConfigure(membership =>
            {
                if (configuration["Orleans:Membership:MaxProbeTimeout"] is null)
                {
                    membership.MaxProbeTimeout = membership.ProbeTimeout * MaxProbeTimeoutFactor;
                }
            });
        services.AddOptions<GrainDirectoryOptions>()
            .Configure(directory => directory.RangeLeaseDuration = RangeLeaseDuration)
            .Bind(configuration.GetSection("Orleans:Directory"));
        var grace = configuration.GetValue("Orleans:HandOverGrace", HandOverGracePeriod);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => ActivatorUtilities.CreateInstance<HandOverGrace>(provider, grace));
        services.AddSingleton<FreezeGuard>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<FreezeGuard>());
        services.AddSingleton<IIncomingGrainCallFilter>(provider => provider.GetRequiredService<FreezeGuard>());
#pragma warning disable ORLEANSEXP003 // The strongly consistent in-cluster directory: one activation per grain, even while membership changes.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003

        var endpoints = configuration.GetSection("Orleans:Endpoints");
        var siloPort = Port(endpoints["SiloPort"]);
        var gatewayPort = Port(endpoints["GatewayPort"]);
        if (ConnectionString(configuration) is not { } connectionString)
        {
            silo.Configure<EndpointOptions>(options => (options.AdvertisedIPAddress, options.SiloPort, options.GatewayPort) = (IPAddress.Loopback, siloPort, gatewayPort));
            silo.UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, siloPort));
            return silo;
        }

        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var advertised = AdvertisedAddress(endpoints["AdvertisedIPAddress"], settings.AdvertisedHost);
        AddPostgreSql(services, connectionString);
        silo.Configure<EndpointOptions>(options => (options.AdvertisedIPAddress, options.SiloPort, options.GatewayPort) = (advertised, siloPort, gatewayPort));
        silo.UseAdoNetClustering(clustering => clustering.Configure<PostgreSqlDatabase>((options, database) =>
        {
            options.Invariant = Npgsql;
            options.DataSource = database.DataSource;
        }));
        return silo;
    }

    /// <summary>
    /// A front end's way into the cluster: an Orleans client with no grains of its own, finding the silos' gateways in the
    /// membership table on PostgreSQL (so it needs <c>ConnectionStrings:Helpdesk</c>) and ready while it reaches an active silo.
    /// </summary>
    /// <remarks>
    /// Until a silo is up it keeps trying, so front ends and silos may start in any order. A gateway that dies is dropped
    /// at once; one that joins is found at the next refresh of the list (<c>Orleans:Gateways:RefreshPeriod</c>, 10 s).
    /// </remarks>
    public static IClientBuilder UseHelpdeskGateways(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = ConnectionString(configuration)
            ?? throw new InvalidOperationException($"A front end finds the silos in their membership table on PostgreSQL: set ConnectionStrings:{ConnectionStringName} (ConnectionStrings__{ConnectionStringName} in the environment) to the silos' database.");
        var services = client.Services;
        ConfigureClusterIds(services, configuration);
        services.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = configuration.GetValue("Orleans:Gateways:RefreshPeriod", GatewayRefreshPeriod));
        AddDatabase(services, connectionString);
        client.UseAdoNetClustering(clustering => clustering.Configure<PostgreSqlDatabase>((options, database) =>
        {
            options.Invariant = Npgsql;
            options.DataSource = database.DataSource;
        }));
        client.UseConnectionRetryFilter(RetryConnectingAsync);
        services.AddHealthChecks().AddCheck<FrontEndHealthCheck>("cluster");
        return client;
    }

    /// <summary>A front end started before any silo waits for one, trying again every second until it stops.</summary>
    private static async Task<bool> RetryConnectingAsync(Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void ConfigureClusterIds(IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } clusterId ? clusterId : DefaultClusterId;
            cluster.ServiceId = configuration["Orleans:ServiceId"] is { Length: > 0 } serviceId ? serviceId : DefaultClusterId;
        });

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString && !string.IsNullOrWhiteSpace(connectionString) ? connectionString : null;

    /// <summary>The database's pool, its migrator (first thing at start-up) and its readiness check, once however many parts ask.</summary>
    private static void AddPostgreSql(IServiceCollection services, string connectionString)
    {
        if (!AddDatabase(services, connectionString))
        {
            return;
        }

        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SchemaMigrator>());
        services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("postgresql");
    }

    /// <summary>The database's pool, unless registered already; <see langword="false"/> when it was.</summary>
    private static bool AddDatabase(IServiceCollection services, string connectionString)
    {
        if (services.Any(service => service.ServiceType == typeof(PostgreSqlDatabase)))
        {
            return false;
        }

        // A malformed connection string fails here, at configuration, rather than at the first query; the host disposes the pool.
        _ = new NpgsqlConnectionStringBuilder(connectionString);
        services.AddSingleton(_ => PostgreSqlDatabase.Create(connectionString));
        return true;
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
