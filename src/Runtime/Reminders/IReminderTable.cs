using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Reminders;

/// <summary>Where durable reminders live and how silos claim the due ones.</summary>
/// <remarks>Every implementation passes the same conformance suite.</remarks>
public interface IReminderTable
{
    /// <summary>Registers or replaces a reminder, dropping any claim on it, and returns the stored entry.</summary>
    /// <remarks>With a <paramref name="fence"/>, a table shared by a cluster refuses the change unless the caller still holds the grain's partition.</remarks>
    Task<ReminderEntry> UpsertAsync(GrainId grainId, string reminderName, DateTimeOffset dueAt, TimeSpan period, Fence? fence, CancellationToken cancellationToken);

    /// <summary>The reminder, or <see langword="null"/>.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Removes the reminder; <see langword="false"/> when there was none. Fenced like <see cref="UpsertAsync"/>.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, Fence? fence, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> reminders due at <paramref name="now"/> that nobody holds a live claim on.</summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(string claimer, DateTimeOffset now, TimeSpan claimDuration, int limit, CancellationToken cancellationToken);

    /// <summary>After a delivery: moves the reminder to <paramref name="nextDue"/> or deletes it when that is <see langword="null"/>, unless it was re-registered meanwhile.</summary>
    Task CompleteAsync(ReminderEntry delivered, string claimer, DateTimeOffset? nextDue, CancellationToken cancellationToken);

    /// <summary>Drops every claim held by <paramref name="claimer"/>, so another silo can deliver those reminders at once.</summary>
    Task ReleaseClaimsAsync(string claimer, CancellationToken cancellationToken);
}
