using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Reminders;

/// <summary>A reminder row as stored in a reminder table.</summary>
/// <param name="GrainId">The grain it belongs to.</param>
/// <param name="ReminderName">Its name within the grain.</param>
/// <param name="FirstDue">When it was first due.</param>
/// <param name="Period">The time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
/// <param name="DueAt">When its next tick is due.</param>
/// <param name="Version">Grows at every registration, so a delivery never overwrites a newer registration.</param>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset FirstDue, TimeSpan Period, DateTimeOffset DueAt, long Version)
    : IGrainReminder;
