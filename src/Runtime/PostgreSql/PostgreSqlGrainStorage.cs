using System.Globalization;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using NpgsqlTypes;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Grain state in PostgreSQL: JSONB with a version, each write checked against the version read.</summary>
internal sealed class PostgreSqlGrainStorage(PostgreSqlDatabase database) : IGrainStorage
{
    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT state::text, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        AddKey(command.Parameters, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(reader.GetString(0), Tag(reader.GetInt64(1)))
            : null;
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, CancellationToken cancellationToken)
    {
        await using var command = etag is null
            ? database.DataSource.CreateCommand("""
                INSERT INTO grain_state (grain_type, grain_key, state_name, state, version)
                VALUES ($1, $2, $3, $4, 1)
                ON CONFLICT DO NOTHING
                RETURNING version
                """)
            : database.DataSource.CreateCommand("""
                UPDATE grain_state SET state = $4, version = version + 1, updated_at = now()
                WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5
                RETURNING version
                """);
        AddKey(command.Parameters, grainId, stateName);
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        if (etag is not null)
        {
            command.Parameters.Add(new() { Value = Version(etag) });
        }

        return await command.ExecuteScalarAsync(cancellationToken) is long version
            ? Tag(version)
            : throw await ConflictAsync(grainId, stateName, etag, "Write", cancellationToken);
    }

    public async Task ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            if (await ReadAsync(grainId, stateName, cancellationToken) is { } existing)
            {
                throw Conflict.On(grainId, stateName, etag, existing.Etag, "Clear");
            }

            return;
        }

        await using var command = database.DataSource.CreateCommand(
            "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4");
        AddKey(command.Parameters, grainId, stateName);
        command.Parameters.Add(new() { Value = Version(etag) });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw await ConflictAsync(grainId, stateName, etag, "Clear", cancellationToken);
        }
    }

    private async Task<InconsistentStateException> ConflictAsync(GrainId grainId, string stateName, string? etag, string operation, CancellationToken cancellationToken) =>
        Conflict.On(grainId, stateName, etag, (await ReadAsync(grainId, stateName, cancellationToken))?.Etag, operation);

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
