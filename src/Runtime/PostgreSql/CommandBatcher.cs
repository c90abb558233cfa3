using System.Threading.Channels;
using Npgsql;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Commits the write statements waiting at the same moment together, in one batch, each still checked on its own.</summary>
/// <remarks>
/// A busy silo pays one commit for many grains: state writes and reminder changes queued together share it.
/// Each statement keeps its own version and fence check and reads its own result set, and its caller is
/// answered only after the commit. A batch the database rejects rolls back as a whole, so its statements are
/// then retried one by one and a bad statement fails alone.
/// </remarks>
internal sealed class CommandBatcher(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>Batches committed at once: while some commit, the next fill up.</summary>
    private const int Writers = 4;

    private const int MaxBatch = 64;

    private readonly Channel<PendingCommand> _pending = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Lock _starting = new();
    private Task? _writers;

    /// <summary>Queues a statement for the next batch and returns what <paramref name="read"/> makes of its result set, once committed.</summary>
    /// <param name="command">Builds the statement; called again if the batch fails and the statement is retried alone. It must return a result set (<c>RETURNING</c>), even an empty one.</param>
    /// <param name="read">Reads the statement's own result set, positioned before its first row.</param>
    /// <param name="cancellationToken">Cancels only while queueing: a queued statement runs, so its caller learns whether it committed.</param>
    public async Task<T> ExecuteAsync<T>(Func<NpgsqlBatchCommand> command, Func<NpgsqlDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWriters();
        var pending = new PendingCommand<T>(command, read);
        await _pending.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    /// <summary>Refuses new statements and waits until those queued have committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (Volatile.Read(ref _writers) is { } writers)
        {
            await writers;
        }
    }

    /// <summary>Starts the writers on the first statement, before it is queued, so disposal always waits for them.</summary>
    private void EnsureWriters()
    {
        if (Volatile.Read(ref _writers) is not null)
        {
            return;
        }

        lock (_starting)
        {
            _writers ??= Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteBatchesAsync)));
        }
    }

    /// <summary>Takes every statement waiting and commits them together, each still checked on its own.</summary>
    private async Task WriteBatchesAsync()
    {
        List<PendingCommand> batch = [];
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var commands = dataSource.CreateBatch();
                foreach (var pending in batch)
                {
                    commands.BatchCommands.Add(pending.Command());
                }

                await using var reader = await commands.ExecuteReaderAsync();
                foreach (var pending in batch)
                {
                    await pending.ReadAsync(reader);
                    await reader.NextResultAsync();
                }
            }
            catch (Exception)
            {
                // The batch rolled back as a whole: one bad statement must not fail the others, so each goes alone.
                foreach (var pending in batch)
                {
                    await ExecuteAloneAsync(pending);
                }

                continue;
            }

            // Answer only once the whole batch has committed.
            foreach (var pending in batch)
            {
                pending.Complete();
            }
        }
    }

    private async Task ExecuteAloneAsync(PendingCommand pending)
    {
        try
        {
            await using var single = dataSource.CreateBatch();
            single.BatchCommands.Add(pending.Command());
            await using (var reader = await single.ExecuteReaderAsync())
            {
                await pending.ReadAsync(reader);
            }

            pending.Complete();
        }
        catch (Exception exception)
        {
            pending.Fail(exception);
        }
    }

    /// <summary>A statement waiting for its batch; it keeps what it read until the batch has committed.</summary>
    private abstract class PendingCommand
    {
        public abstract NpgsqlBatchCommand Command();

        public abstract Task ReadAsync(NpgsqlDataReader reader);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingCommand<T>(Func<NpgsqlBatchCommand> command, Func<NpgsqlDataReader, Task<T>> read) : PendingCommand
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override NpgsqlBatchCommand Command() => command();

        public override async Task ReadAsync(NpgsqlDataReader reader) => _result = await read(reader);

        public override void Complete() => Done.TrySetResult(_result!);

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
