using System.Globalization;
using Helpdesk.Cluster.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Cluster.PostgreSql;

/// <summary>Applies the embedded, numbered <c>.sql</c> migrations not applied yet, once, under an advisory lock, before the silo starts.</summary>
/// <remarks>
/// It runs first in the silo's start, before Orleans reads its membership table, and tries again every
/// <see cref="SiloSettings.StorageRetryPeriod"/> until PostgreSQL answers, so a silo may start before its database.
/// Several silos may start together: the lock makes one of them migrate and the others find the work done. A schema
/// holding migrations of another version of Helpdesk is refused at once (<see cref="IncompatibleSchemaException"/>).
/// </remarks>
internal sealed partial class SchemaMigrator(PostgreSqlDatabase database, IOptions<SiloSettings> settings, TimeProvider time, ILogger<SchemaMigrator> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const long MigrationLockKey = 0x48_65_6C_70_64_65_73_6B; // "Helpdesk"
    private const string ResourcePrefix = "migrations/";

    private volatile bool _migrated;

    /// <summary>Every migration of this assembly, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    /// <summary>Whether this silo has found the schema migrated.</summary>
    public bool IsMigrated => _migrated;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.First, MigrateWhenReachableAsync);
    }

    /// <summary>Migrates, trying again until it succeeds or the silo is stopped.</summary>
    public async Task MigrateWhenReachableAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                LogUnavailable(settings.Value.StorageRetryPeriod, exception.Message);
            }

            await Task.Delay(settings.Value.StorageRetryPeriod, time, cancellationToken);
        }
    }

    /// <summary>Applies the migrations missing from the schema, in one transaction.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey));
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{database.Schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        Dictionary<int, string> applied = [];
        await using (var command = new NpgsqlCommand("SELECT version, name FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        if (applied.Where(migration => !Migrations.Any(ours => ours.Version == migration.Key && ours.Name == migration.Value)).Select(migration => migration.Value).ToList() is [_, ..] foreign)
        {
            throw new IncompatibleSchemaException(
                $"Schema {database.Schema} was migrated by another version of Helpdesk ({string.Join(", ", foreign)}): its tables are not Orleans' and cannot be upgraded. " +
                "Point the silo at a new schema (the connection string's Search Path) or a new database.");
        }

        foreach (var (version, name, sql) in Migrations.Where(migration => !applied.ContainsKey(migration.Version)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            await ExecuteAsync(connection, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", cancellationToken, ("version", version), ("name", name));
            LogApplied(version, name, database.Schema);
        }

        await transaction.CommitAsync(cancellationToken);
        _migrated = true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int Version, string Name, string Sql)> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[ResourcePrefix.Length..];
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var text = new StreamReader(stream);
                return (Version: int.Parse(fileName.AsSpan(0, fileName.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture), Name: fileName, Sql: text.ReadToEnd());
            })
            .OrderBy(migration => migration.Version)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}) to schema {Schema}")]
    private partial void LogApplied(int version, string name, string schema);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot be reached or migrated yet ({Reason}); trying again in {RetryPeriod}")]
    private partial void LogUnavailable(TimeSpan retryPeriod, string reason);
}
