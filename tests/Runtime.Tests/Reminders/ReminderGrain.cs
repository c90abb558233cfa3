using System.Globalization;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Reminders;

namespace Helpdesk.Runtime.Tests.Reminders;

public interface IReminderGrain : IGrainWithStringKey
{
    Task RemindAtAsync(string name, DateTimeOffset dueAt, TimeSpan period);

    Task ForgetAsync(string name);

    Task<bool> HasReminderAsync(string name);
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    public Task RemindAtAsync(string name, DateTimeOffset dueAt, TimeSpan period) => RegisterOrUpdateReminder(name, dueAt, period);

    public Task ForgetAsync(string name) => UnregisterReminder(name);

    public async Task<bool> HasReminderAsync(string name) => await GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record(Tick(GetPrimaryKeyString(), reminderName, status.CurrentTickTime));
        return Task.CompletedTask;
    }

    public static string Tick(string grain, string reminder, DateTimeOffset at) =>
        $"{grain}:{reminder}@{at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
}
