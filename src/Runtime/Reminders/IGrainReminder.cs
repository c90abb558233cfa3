namespace Helpdesk.Runtime.Reminders;

/// <summary>A registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>Its name within its grain.</summary>
    string ReminderName { get; }

    /// <summary>When its next tick is due.</summary>
    DateTimeOffset DueAt { get; }

    /// <summary>The time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</summary>
    TimeSpan Period { get; }
}
