using Helpdesk.LoadGenerator.Options;
using Helpdesk.Testing;
using Npgsql;

namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>The PostgreSQL server started silos share: a throwaway durable server of its own, or the loopback server named by <c>HELPDESK_POSTGRES</c>; each run works in a schema of its own.</summary>
internal sealed class ClusterDatabase : IAsyncDisposable
{
    private const string ServerVariable = "HELPDESK_POSTGRES";

    private readonly ThrowawayPostgres? _throwaway;
    private readonly string _connectionString;
    private readonly List<string> _schemas = [];

    private ClusterDatabase(ThrowawayPostgres? throwaway, string connectionString, string description)
    {
        _throwaway = throwaway;
        _connectionString = connectionString;
        Description = description;
    }

    /// <summary>Where the server runs, for the report.</summary>
    public string Description { get; private set; }

    public static async Task<ClusterDatabase> StartAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            if (!Loopback.IsLoopbackConnectionString(external, out var host))
            {
                throw new LoadRunException($"{ServerVariable} names host '{host}'; the load generator only loads servers on this machine (127.0.0.1, localhost or a local socket).");
            }

            return new ClusterDatabase(null, external, $"the server named by {ServerVariable}");
        }

        ThrowawayPostgres throwaway;
        try
        {
            throwaway = await ThrowawayPostgres.StartAsync(durable: true, log, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new LoadRunException($"PostgreSQL could not be started: {exception.Message}", exception);
        }

        var database = new ClusterDatabase(throwaway, throwaway.ConnectionString, $"a throwaway durable server on 127.0.0.1:{throwaway.Port}");
        AppDomain.CurrentDomain.ProcessExit += database.OnProcessExit;
        return database;
    }

    /// <summary>Whether <see cref="RestartAsync"/> can restart it: only the throwaway server is the generator's to stop.</summary>
    public bool CanRestart => _throwaway is not null;

    /// <summary>Stops the throwaway server as an outage would (a fast shutdown: sessions cut, commits kept), waits <paramref name="down"/>, and starts it again on the same port and data.</summary>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        var server = _throwaway ?? throw new LoadRunException($"Only a throwaway server can be restarted, not {Description}; unset {ServerVariable}.");
        await server.StopServerAsync();
        try
        {
            await Task.Delay(down, cancellationToken);
        }
        finally
        {
            await server.StartAgainAsync();
        }
    }

    /// <summary>A connection string whose search path is a new, empty schema; the silos create their tables in it.</summary>
    public async Task<string> NewSchemaAsync(string schema, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", cancellationToken);
        _schemas.Add(schema);
        if (_throwaway is null)
        {
            Description = $"the server named by {ServerVariable}, schema {schema}";
        }

        return new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>The server's version and the settings that decide what a commit costs.</summary>
    public async Task<string> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT 'PostgreSQL ' || current_setting('server_version')
                || ', fsync=' || current_setting('fsync')
                || ', synchronous_commit=' || current_setting('synchronous_commit')
            """);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Drops the schemas of the runs from a server of someone else's, or stops and removes the throwaway server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_throwaway is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            await _throwaway.DisposeAsync();
            return;
        }

        foreach (var schema in _schemas)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", CancellationToken.None);
        }
    }

    /// <summary>The generator's process exits without having disposed of the server (a third Ctrl-C): it must not outlive it.</summary>
    private void OnProcessExit(object? sender, EventArgs e) => _throwaway?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(_connectionString);
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new LoadRunException($"Could not reach or prepare {Description}; check that it runs and accepts the connection string.", exception);
        }
    }
}
