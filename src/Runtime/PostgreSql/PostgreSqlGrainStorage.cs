using System.Globalization;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Grain state in PostgreSQL: JSONB with a version, each write checked against the version read and fenced by partition ownership.</summary>
/// <remarks>
/// Writes waiting at the same moment, reminder changes among them, are sent as one batch and committed together
/// (<see cref="CommandBatcher"/>), so a busy silo pays one commit for many grains; each write keeps its own version
/// and fence check, and its caller is answered only after the commit. A grain never has two writes of its state in
/// flight, so a batch never holds two writes of one state.
/// </remarks>
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
        // Parsed before queueing: a malformed etag fails here, not while building a batch that would then go write by write.
        var expected = etag is null ? (long?)null : Version(etag);
        var version = await database.Writes.ExecuteAsync(
            () => WriteCommand(grainId, stateName, json, expected, fence),
            async reader => await reader.ReadAsync() ? reader.GetInt64(0) : (long?)null,
            cancellationToken);
        return version is { } written
            ? Tag(written)
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

    private static NpgsqlBatchCommand WriteCommand(GrainId grainId, string stateName, string json, long? etag, Fence? fence)
    {
        var command = new NpgsqlBatchCommand(etag is null
            ? $"""
                INSERT INTO grain_state (grain_type, grain_key, state_name, state, version)
                SELECT $1, $2, $3, $4, 1 WHERE {FenceSql.Holds(6)}
                ON CONFLICT DO NOTHING
                RETURNING version
                """
            : $"""
                UPDATE grain_state SET state = $4, version = version + 1, updated_at = now()
                WHERE {KeyFilter} AND version = $5 AND {FenceSql.Holds(6)}
                RETURNING version
                """);
        AddKey(command.Parameters, grainId, stateName);
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = (object?)etag ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        FenceSql.Add(command.Parameters, fence);
        return command;
    }

    private async Task<InconsistentStateException> RefusalAsync(GrainId grainId, string stateName, string? etag, Fence? fence, string operation, CancellationToken cancellationToken) =>
        await FenceSql.FencedOutAsync(database, grainId, fence, cancellationToken)
            ?? Conflict.On(grainId, stateName, etag, (await ReadAsync(grainId, stateName, cancellationToken))?.Etag, operation);

    private static void AddKey(NpgsqlParameterCollection parameters, GrainId grainId, string stateName)
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
