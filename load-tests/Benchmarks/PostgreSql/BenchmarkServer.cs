using Helpdesk.Testing;
using Npgsql;

namespace Helpdesk.Benchmarks.PostgreSql;

/// <summary>The PostgreSQL server a suite runs on: a throwaway durable server of its own, or the loopback server named by <c>HELPDESK_POSTGRES</c>.</summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private const string ServerVariable = "HELPDESK_POSTGRES";

    private readonly ThrowawayPostgres? _throwaway;
    private readonly string _connectionString;

    private BenchmarkServer(ThrowawayPostgres? throwaway, string connectionString, string description)
    {
        _throwaway = throwaway;
        _connectionString = connectionString;
        Description = description;
    }

    /// <summary>Where the server runs, for the report.</summary>
    public string Description { get; }

    public static async Task<BenchmarkServer> StartAsync(CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new BenchmarkServer(null, LoopbackGuard.Require(external, ServerVariable), $"the server named by {ServerVariable}");
        }

        var throwaway = await ThrowawayPostgres.StartAsync(durable: true, line => Progress.Report("postgres", line), cancellationToken);
        return new BenchmarkServer(throwaway, throwaway.ConnectionString, $"a throwaway durable server on 127.0.0.1:{throwaway.Port}");
    }

    /// <summary>Drops <paramref name="schema"/> if a previous run left it, and returns a connection string whose search path names it.</summary>
    /// <remarks>Cluster suites start from an empty schema: silos left in the membership table by an earlier run would count as members.</remarks>
    public async Task<string> EmptySchemaAsync(string schema, CancellationToken cancellationToken)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(_connectionString);
            await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new BenchmarkException($"Could not reach or prepare {Description}; check that it runs and accepts the connection string.", exception);
        }

        return new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>The server's version and the settings that decide what a commit costs, to print beside the figures.</summary>
    public async Task<string> DurabilitySettingsAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT 'PostgreSQL ' || current_setting('server_version')
                || ', fsync=' || current_setting('fsync')
                || ', synchronous_commit=' || current_setting('synchronous_commit')
                || ', wal_sync_method=' || current_setting('wal_sync_method')
            """);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_throwaway is not null)
        {
            await _throwaway.DisposeAsync();
        }
    }
}
