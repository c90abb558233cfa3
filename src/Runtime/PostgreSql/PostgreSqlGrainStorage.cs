using System.Globalization;
using System.Threading.Channels;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Grain state in PostgreSQL: JSONB with a version, each write checked against the version read and fenced by partition ownership.</summary>
/// <remarks>
/// Writes waiting at the same moment are sent as one batch and committed together, so a busy silo pays one
/// commit for many grains; each write keeps its own version and fence check, and its caller is answered only
/// after the commit. A grain never has two writes in flight, so a batch never holds two writes of one grain.
/// </remarks>
internal sealed class PostgreSqlGrainStorage(PostgreSqlDatabase database) : IGrainStorage, IAsyncDisposable
{
    private const string KeyFilter = "grain_type = $1 AND grain_key = $2 AND state_name = $3";

    /// <summary>Batches committed at once: while some commit, the next fill up.</summary>
    private const int Writers = 4;

    private const int MaxBatch = 64;

    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _writers = [.. Enumerable.Repeat(Task.CompletedTask, Writers)];
    private int _started;

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
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWriters();
        var write = new PendingWrite(grainId, stateName, json, etag, fence);
        await _writes.Writer.WriteAsync(write, cancellationToken);
        return await write.Done.Task is { } version
            ? Tag(version)
            : throw await RefusalAsync(grainId, stateName, etag, fence, "Write", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await Task.WhenAll(_writers);
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

    /// <summary>Starts the writers on the first write.</summary>
    private void EnsureWriters()
    {
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            for (var i = 0; i < _writers.Length; i++)
            {
                _writers[i] = Task.Run(WriteBatchesAsync);
            }
        }
    }

    /// <summary>Takes every write waiting and commits them together, each still checked on its own.</summary>
    private async Task WriteBatchesAsync()
    {
        List<PendingWrite> batch = [];
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var commands = database.DataSource.CreateBatch();
                foreach (var write in batch)
                {
                    commands.BatchCommands.Add(WriteCommand(write));
                }

                await using var reader = await commands.ExecuteReaderAsync();
                foreach (var write in batch)
                {
                    write.Result = await reader.ReadAsync() ? reader.GetInt64(0) : null;
                    await reader.NextResultAsync();
                }
            }
            catch (Exception)
            {
                // The batch rolled back as a whole: one bad write must not fail the others, so each goes alone.
                foreach (var write in batch)
                {
                    await WriteAloneAsync(write);
                }

                continue;
            }

            // Answer only once the whole batch has committed.
            foreach (var write in batch)
            {
                write.Done.TrySetResult(write.Result);
            }
        }
    }

    private async Task WriteAloneAsync(PendingWrite write)
    {
        try
        {
            await using var single = database.DataSource.CreateBatch();
            single.BatchCommands.Add(WriteCommand(write));
            write.Done.TrySetResult(await single.ExecuteScalarAsync() is long version ? version : null);
        }
        catch (Exception exception)
        {
            write.Done.TrySetException(exception);
        }
    }

    private static NpgsqlBatchCommand WriteCommand(PendingWrite write)
    {
        var command = new NpgsqlBatchCommand(write.Etag is null
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
        AddKey(command.Parameters, write.GrainId, write.StateName);
        command.Parameters.Add(new() { Value = write.Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = write.Etag is null ? DBNull.Value : Version(write.Etag), NpgsqlDbType = NpgsqlDbType.Bigint });
        FenceSql.Add(command.Parameters, write.Fence);
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

    /// <summary>A write waiting for its batch; <see cref="Result"/> is the new version, or null when refused.</summary>
    private sealed class PendingWrite(GrainId grainId, string stateName, string json, string? etag, Fence? fence)
    {
        public GrainId GrainId { get; } = grainId;

        public string StateName { get; } = stateName;

        public string Json { get; } = json;

        public string? Etag { get; } = etag;

        public Fence? Fence { get; } = fence;

        public long? Result { get; set; }

        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
