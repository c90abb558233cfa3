using Npgsql;

namespace Helpdesk.Testing;

/// <summary>The PostgreSQL server the tests of one process share.</summary>
/// <remarks>
/// With <c>HELPDESK_POSTGRES</c> set to a connection string, that server is used. Otherwise a fast
/// <see cref="ThrowawayPostgres"/> is started on first use and removed when the process exits. Each test
/// works in a schema of its own, so tests never see each other's rows.
/// </remarks>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);

    private readonly string _connectionString;

    private PostgresServer(string connectionString)
    {
        _connectionString = connectionString;
    }

    /// <summary>The server shared by every test in this process, started on first use.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>A connection string whose search path is a fresh schema named after <paramref name="prefix"/>.</summary>
    public string ConnectionStringForNewSchema(string prefix)
    {
        var name = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);
        return new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = $"{name}_{Guid.NewGuid():N}", MaxPoolSize = 50 }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("HELPDESK_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        var server = await ThrowawayPostgres.StartAsync(durable: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(server.ConnectionString);
    }
}
