using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Applies the embedded, numbered <c>.sql</c> migrations that are not yet applied, once, under an advisory lock.</summary>
/// <remarks>Several silos may start together: the lock makes one of them migrate and the others find the work done.</remarks>
internal sealed partial class SchemaMigrator(PostgreSqlDatabase database, ILogger<SchemaMigrator> logger) : IStorageBootstrap
{
    private const long MigrationLockKey = 0x48_65_6C_70_64_65_73_6B; // "Helpdesk"
    private const string ResourcePrefix = "migrations/";

    private volatile bool _migrated;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey));
        await Execute(connection, $"CREATE SCHEMA IF NOT EXISTS \"{database.Schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        HashSet<int> applied = [];
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, name, sql) in Migrations.Where(migration => !applied.Contains(migration.Version)))
        {
            await Execute(connection, sql, cancellationToken);
            await Execute(connection, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", cancellationToken, ("version", version), ("name", name));
            LogApplied(version, name, database.Schema);
        }

        await transaction.CommitAsync(cancellationToken);
        _migrated = true;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            return false;
        }

        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogUnreachable(exception);
            return false;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
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
                return (Version: int.Parse(fileName.AsSpan(0, fileName.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture), Name: fileName, Sql: text.ReadToEnd());
            })
            .OrderBy(migration => migration.Version)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}) to schema {Schema}")]
    private partial void LogApplied(int version, string name, string schema);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable")]
    private partial void LogUnreachable(Exception exception);
}
