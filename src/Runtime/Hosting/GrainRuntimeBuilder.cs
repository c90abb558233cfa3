using System.Reflection;
using Helpdesk.Runtime.Activation;
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
        Services.RemoveAll<IGrainStorage>().RemoveAll<IReminderTable>().RemoveAll<IStorageBootstrap>();
        Services.AddSingleton<IGrainStorage, InMemoryGrainStorage>();
        Services.AddSingleton<IReminderTable, InMemoryReminderTable>();
        Services.AddSingleton<IStorageBootstrap, InMemoryStorageBootstrap>();
        return this;
    }

    /// <summary>Keeps state and reminders in PostgreSQL, migrating the schema at start-up.</summary>
    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c>, if any, names the schema (default <c>helpdesk</c>).</param>
    public GrainRuntimeBuilder UsePostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var database = PostgreSqlDatabase.Create(connectionString);
        Services.RemoveAll<IGrainStorage>().RemoveAll<IReminderTable>().RemoveAll<IStorageBootstrap>();
        Services.AddSingleton(database);
        Services.AddSingleton<NpgsqlDataSource>(database.DataSource);
        Services.AddSingleton<IGrainStorage, PostgreSqlGrainStorage>();
        Services.AddSingleton<IReminderTable, PostgreSqlReminderTable>();
        Services.AddSingleton<IStorageBootstrap, SchemaMigrator>();
        return this;
    }
}
