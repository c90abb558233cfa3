using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Reminders;
using Npgsql;

namespace Helpdesk.Runtime.PostgreSql;

/// <summary>Reminders in PostgreSQL; due rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> so silos never deliver the same claim twice.</summary>
/// <remarks>
/// Grains register and remove reminders as often as they write state, so those changes are committed in the same
/// batches as state writes (<see cref="CommandBatcher"/>), each still fenced in its own statement. Claims and
/// completions, made by the silo's poller rather than by grains, and reads stay single statements.
/// </remarks>
internal sealed class PostgreSqlReminderTable(PostgreSqlDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, first_due, period_us, due_at, version";
    private const string KeyFilter = "grain_type = $1 AND grain_key = $2 AND reminder_name = $3";

    public async Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset dueAt, TimeSpan period, Fence? fence, CancellationToken cancellationToken)
    {
        var upserted = await database.Writes.ExecuteAsync(
            () =>
            {
                var command = new NpgsqlBatchCommand($"""
                    INSERT INTO reminders (grain_type, grain_key, reminder_name, first_due, period_us, due_at, version)
                    SELECT $1, $2, $3, $4, $5, $4, nextval('reminder_versions') WHERE {FenceSql.Holds(6)}
                    ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET
                        first_due = excluded.first_due, period_us = excluded.period_us, due_at = excluded.due_at,
                        version = excluded.version, claimed_by = NULL, claim_expires = NULL
                    RETURNING {Columns}
                    """);
                AddKey(command.Parameters, grainId, reminderName);
                command.Parameters.Add(new() { Value = dueAt.ToUniversalTime() });
                command.Parameters.Add(new() { Value = (long)period.TotalMicroseconds });
                FenceSql.Add(command.Parameters, fence);
                return command;
            },
            async reader => await reader.ReadAsync() ? Entry(reader) : null,
            cancellationToken);
        return upserted ?? throw (await FenceSql.FencedOutAsync(database, grainId, fence, cancellationToken))!;
    }

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM reminders WHERE {KeyFilter}");
        AddKey(command.Parameters, grainId, reminderName);
        return (await ReadEntries(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, Fence? fence, CancellationToken cancellationToken)
    {
        var removed = await database.Writes.ExecuteAsync(
            () =>
            {
                var command = new NpgsqlBatchCommand($"DELETE FROM reminders WHERE {KeyFilter} AND {FenceSql.Holds(4)} RETURNING true");
                AddKey(command.Parameters, grainId, reminderName);
                FenceSql.Add(command.Parameters, fence);
                return command;
            },
            reader => reader.ReadAsync(),
            cancellationToken);
        return removed
            || (await FenceSql.FencedOutAsync(database, grainId, fence, cancellationToken) is { } fencedOut ? throw fencedOut : false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string claimer, DateTimeOffset now, TimeSpan claimDuration, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            WITH due AS (
                SELECT grain_type, grain_key, reminder_name FROM reminders
                WHERE due_at <= $2 AND (claimed_by IS NULL OR claim_expires <= $2)
                ORDER BY due_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            UPDATE reminders r SET claimed_by = $1, claim_expires = $3
            FROM due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.reminder_name = due.reminder_name
            RETURNING {string.Join(", ", Columns.Split(", ").Select(column => "r." + column))}
            """);
        command.Parameters.Add(new() { Value = claimer });
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        command.Parameters.Add(new() { Value = (now + claimDuration).ToUniversalTime() });
        command.Parameters.Add(new() { Value = limit });
        return await ReadEntries(command, cancellationToken);
    }

    public async Task CompleteAsync(ReminderEntry delivered, string claimer, DateTimeOffset? nextDue, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(nextDue is null
            ? $"DELETE FROM reminders WHERE {KeyFilter} AND version = $4 AND claimed_by = $5"
            : $"UPDATE reminders SET due_at = $6, claimed_by = NULL, claim_expires = NULL WHERE {KeyFilter} AND version = $4 AND claimed_by = $5");
        AddKey(command.Parameters, delivered.GrainId, delivered.ReminderName);
        command.Parameters.Add(new() { Value = delivered.Version });
        command.Parameters.Add(new() { Value = claimer });
        if (nextDue is { } next)
        {
            command.Parameters.Add(new() { Value = next.ToUniversalTime() });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseClaimsAsync(string claimer, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE reminders SET claimed_by = NULL, claim_expires = NULL WHERE claimed_by = $1");
        command.Parameters.Add(new() { Value = claimer });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKey(NpgsqlParameterCollection parameters, GrainId grainId, string reminderName)
    {
        parameters.Add(new() { Value = grainId.Type });
        parameters.Add(new() { Value = grainId.Key });
        parameters.Add(new() { Value = reminderName });
    }

    private static async Task<List<ReminderEntry>> ReadEntries(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        List<ReminderEntry> entries = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Entry(reader));
        }

        return entries;
    }

    /// <summary>The reminder in the current row, in the order of <see cref="Columns"/>.</summary>
    private static ReminderEntry Entry(NpgsqlDataReader reader) =>
        new(
            new GrainId(reader.GetString(0), reader.GetString(1)),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            TimeSpan.FromMicroseconds(reader.GetInt64(4)),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetInt64(6));
}
