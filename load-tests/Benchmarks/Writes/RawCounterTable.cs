using Npgsql;

namespace Helpdesk.Benchmarks.Writes;

/// <summary>The ceiling for durable writes: a single-row upsert per write through plain Npgsql, one row per writer.</summary>
internal sealed class RawCounterTable(NpgsqlDataSource dataSource, string schema) : IAsyncDisposable
{
    private readonly string _table = $"\"{schema}\".raw_counter";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS {_table} (
                id         integer     PRIMARY KEY,
                counter    bigint      NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now())
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteAsync(int id, long counter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {_table} (id, counter) VALUES ($1, $2)
            ON CONFLICT (id) DO UPDATE SET counter = excluded.counter, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = counter });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The server's version and the settings that decide what a commit costs, to print beside the figures.</summary>
    public async Task<string> DurabilitySettingsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT 'PostgreSQL ' || current_setting('server_version')
                || ', fsync=' || current_setting('fsync')
                || ', synchronous_commit=' || current_setting('synchronous_commit')
                || ', wal_sync_method=' || current_setting('wal_sync_method')
            """);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
