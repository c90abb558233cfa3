using System.Reflection;
using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Runtime.PostgreSql;
using Helpdesk.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Chooses the grains and the storage of a silo.</summary>
public sealed class GrainRuntimeBuilder
{
    internal GrainRuntimeBuilder(IServiceCollection services, GrainClassList grainClasses)
    {
        Services = services;
        GrainClasses = grainClasses;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    private GrainClassList GrainClasses { get; }

    /// <summary>Registers every grain class in <paramref name="assembly"/>.</summary>
    public GrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        GrainClasses.Types.AddRange(GrainTypeRegistry.Discover(assembly));
        return this;
    }

    /// <summary>Keeps state and reminders in this process's memory: nothing survives a restart.</summary>
    public GrainRuntimeBuilder UseInMemoryStorage()
    {
        RemoveStorage();
        Services.AddSingleton<IGrainStorage, InMemoryGrainStorage>();
        Services.AddSingleton<IPartitionDirectory, LocalPartitionDirectory>();
        Services.AddSingleton<IReminderTable, InMemoryReminderTable>();
        Services.AddSingleton<IStorageBootstrap, InMemoryStorageBootstrap>();
        return this;
    }

    /// <summary>Keeps state and reminders in PostgreSQL, migrating the schema at start-up, and joins the cluster of silos on that database.</summary>
    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c>, if any, names the schema (default <c>helpdesk</c>).</param>
    public GrainRuntimeBuilder UsePostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = new NpgsqlConnectionStringBuilder(connectionString); // a malformed connection string fails here, at configuration
        RemoveStorage();

        // Registered through factories so the host disposes the pool with itself.
        Services.AddSingleton(_ => PostgreSqlDatabase.Create(connectionString));
        Services.AddSingleton<ClusterTable>();
        Services.AddSingleton<IPartitionDirectory, PartitionLeaseManager>();
        Services.AddSingleton(provider => provider.GetRequiredService<PostgreSqlDatabase>().DataSource);
        Services.AddSingleton<IGrainStorage, PostgreSqlGrainStorage>();
        Services.AddSingleton<IReminderTable, PostgreSqlReminderTable>();
        Services.AddSingleton<IStorageBootstrap, SchemaMigrator>();
        return this;
    }

    private void RemoveStorage() =>
        Services.RemoveAll<IGrainStorage>().RemoveAll<IReminderTable>().RemoveAll<IStorageBootstrap>().RemoveAll<IPartitionDirectory>();
}
