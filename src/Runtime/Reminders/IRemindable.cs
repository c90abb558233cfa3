using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Reminders;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Delivers one due occurrence of a reminder, at least once; use <paramref name="status"/> to stay idempotent.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
