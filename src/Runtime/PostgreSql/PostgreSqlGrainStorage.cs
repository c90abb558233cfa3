using System.Globalization;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using NpgsqlTypes;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Grain state in PostgreSQL: JSONB with a version, each write checked against the version read and fenced by partition ownership.</summary>
internal sealed class PostgreSqlGrainStorage(PostgreSqlDatabase database) : IGrainStorage
{
    private const string KeyFilter = "grain_type = $1 AND grain_key = $2 AND state_name = $3";

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT state::text, version FROM grain_state WHERE {KeyFilter}");
        AddKey(command.Parameters, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(reader.GetString(0), Tag(reader.GetInt64(1)))
            : null;
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, Fence? fence, CancellationToken cancellationToken)
    {
        await using var command = etag is null
            ? database.DataSource.CreateCommand($"""
                INSERT INTO grain_state (grain_type, grain_key, state_name, state, version)
                SELECT $1, $2, $3, $4, 1 WHERE {FenceSql.Holds(6)}
                ON CONFLICT DO NOTHING
                RETURNING version
                """)
            : database.DataSource.CreateCommand($"""
                UPDATE grain_state SET state = $4, version = version + 1, updated_at = now()
                WHERE {KeyFilter} AND version = $5 AND {FenceSql.Holds(6)}
                RETURNING version
                """);
        AddKey(command.Parameters, grainId, stateName);
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = etag is null ? DBNull.Value : Version(etag), NpgsqlDbType = NpgsqlDbType.Bigint });
        FenceSql.Add(command.Parameters, fence);

        return await command.ExecuteScalarAsync(cancellationToken) is long version
            ? Tag(version)
            : throw await RefusalAsync(grainId, stateName, etag, fence, "Write", cancellationToken);
    }

    public async Task ClearAsync(GrainId grainId, string stateName, string? etag, Fence? fence, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            if (await ReadAsync(grainId, stateName, cancellationToken) is { } existing)
            {
                throw Conflict.On(grainId, stateName, etag, existing.Etag, "Clear");
            }

            return;
        }

        await using var command = database.DataSource.CreateCommand($"DELETE FROM grain_state WHERE {KeyFilter} AND version = $4 AND {FenceSql.Holds(5)}");
        AddKey(command.Parameters, grainId, stateName);
        command.Parameters.Add(new() { Value = Version(etag) });
        FenceSql.Add(command.Parameters, fence);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw await RefusalAsync(grainId, stateName, etag, fence, "Clear", cancellationToken);
        }
    }

    private async Task<InconsistentStateException> RefusalAsync(GrainId grainId, string stateName, string? etag, Fence? fence, string operation, CancellationToken cancellationToken) =>
        await FenceSql.FencedOutAsync(database, grainId, fence, cancellationToken)
            ?? Conflict.On(grainId, stateName, etag, (await ReadAsync(grainId, stateName, cancellationToken))?.Etag, operation);

    private static void AddKey(Npgsql.NpgsqlParameterCollection parameters, GrainId grainId, string stateName)
    {
        parameters.Add(new() { Value = grainId.Type });
        parameters.Add(new() { Value = grainId.Key });
        parameters.Add(new() { Value = stateName });
    }

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long Version(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"'{etag}' is not a version this store issued.");
}
