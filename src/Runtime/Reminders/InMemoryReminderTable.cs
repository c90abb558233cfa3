using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Reminders;

/// <summary>Reminders in this process's memory: the embedded default and the table of fast tests.</summary>
/// <remarks>It serves a single silo, so fences are not checked.</remarks>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), Row> _rows = [];
    private long _version;

    /// <inheritdoc />
    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset dueAt, TimeSpan period, Fence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = new ReminderEntry(grainId, reminderName, dueAt, period, dueAt, ++_version);
            _rows[(grainId, reminderName)] = new Row(entry, null, default);
            return Task.FromResult(entry);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row.Entry : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, Fence? fence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove((grainId, reminderName)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string claimer, DateTimeOffset now, TimeSpan claimDuration, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var due = _rows
                .Where(pair => pair.Value.Entry.DueAt <= now && (pair.Value.ClaimedBy is null || pair.Value.ClaimExpires <= now))
                .OrderBy(pair => pair.Value.Entry.DueAt)
                .Take(limit)
                .ToList();
            foreach (var (key, row) in due)
            {
                _rows[key] = row with { ClaimedBy = claimer, ClaimExpires = now + claimDuration };
            }

            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. due.Select(pair => pair.Value.Entry)]);
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(ReminderEntry delivered, string claimer, DateTimeOffset? nextDue, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (delivered.GrainId, delivered.ReminderName);
            if (_rows.TryGetValue(key, out var row) && row.Entry.Version == delivered.Version && row.ClaimedBy == claimer)
            {
                if (nextDue is { } next)
                {
                    _rows[key] = new Row(row.Entry with { DueAt = next }, null, default);
                }
                else
                {
                    _rows.Remove(key);
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task ReleaseClaimsAsync(string claimer, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var (key, row) in _rows.Where(pair => pair.Value.ClaimedBy == claimer).ToList())
            {
                _rows[key] = row with { ClaimedBy = null, ClaimExpires = default };
            }

            return Task.CompletedTask;
        }
    }

    private sealed record Row(ReminderEntry Entry, string? ClaimedBy, DateTimeOffset ClaimExpires);
}
