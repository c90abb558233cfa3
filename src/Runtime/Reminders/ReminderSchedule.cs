namespace Helpdesk.Runtime.Reminders;

/// <summary>When a reminder is due next.</summary>
internal static class ReminderSchedule
{
    /// <summary>The first tick after <paramref name="now"/>, or <see langword="null"/> for a one-shot reminder.</summary>
    /// <remarks>Ticks missed while no silo was running are not replayed one by one: the reminder fires once and resumes its cadence.</remarks>
    public static DateTimeOffset? NextDue(DateTimeOffset delivered, TimeSpan period, DateTimeOffset now)
    {
        if (period <= TimeSpan.Zero)
        {
            return null;
        }

        var missed = now < delivered ? 0 : (now - delivered).Ticks / period.Ticks;
        return delivered + (period * (missed + 1));
    }
}
