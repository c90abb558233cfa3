
namespace Helpdesk.Grains.Common;

/// <summary>One durable reminder that wakes its grain at a deadline kept in the grain's state, and again every period until the grain clears it.</summary>
/// <remarks>
/// Orleans reminders are periodic and skip the ticks that fall while their silo is down. So the reminder's first tick
/// is the deadline itself (on time while the cluster is up), and its period is the smallest Orleans allows
/// (<c>ReminderOptions.MinimumReminderPeriod</c>): a deadline missed during a failover is acted on by a survivor within
/// one period. The grain acts on everything due at each tick, idempotently, then moves the reminder to its next
/// deadline or clears it. The reminder is set before the state that needs it is written and cleared after the state no
/// longer needs it, so a crash in between leaves a tick with nothing to do, never a deadline without a tick.
/// </remarks>
/// <param name="grain">The grain woken; calls are made during its turns.</param>
/// <param name="name">The reminder's name within the grain.</param>
/// <param name="time">The clock deadlines are read on.</param>
/// <param name="period">How often the reminder repeats until cleared.</param>
internal sealed class WakeReminder(Grain grain, string name, TimeProvider time, TimeSpan period)
{
    /// <summary>The first tick of a deadline that is due already, or nearly: Orleans schedules a reminder only after storing it,
    /// and a first tick that has passed by then is skipped to the next period.</summary>
    private static readonly TimeSpan SoonestTick = TimeSpan.FromSeconds(1);

    private IGrainReminder? _reminder;
    private DateTimeOffset? _armed;
    private bool _known;

    /// <summary>The reminder's name.</summary>
    public string Name => name;

    /// <summary>Wakes the grain at <paramref name="due"/>, or a second from now when it has passed; nothing when it is set there already.</summary>
    public async Task SetAsync(DateTimeOffset due)
    {
        if (_known && _armed == due)
        {
            return;
        }

        var wait = due - time.GetUtcNow();
        _reminder = await grain.RegisterOrUpdateReminder(name, wait > SoonestTick ? wait : SoonestTick, period);
        (_armed, _known) = (due, true);
    }

    /// <summary>Sets the reminder to <paramref name="due"/> or, when there is none, clears it.</summary>
    public Task SetOrClearAsync(DateTimeOffset? due) => due is { } at ? SetAsync(at) : ClearAsync();

    /// <summary>Removes the reminder; nothing when there is none.</summary>
    public async Task ClearAsync()
    {
        if (_known && _armed is null)
        {
            return;
        }

        if ((_reminder ?? await grain.GetReminder(name)) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        (_reminder, _armed, _known) = (null, null, true);
    }
}
