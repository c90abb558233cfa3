namespace Helpdesk.Cluster.Tests.Reminders;

/// <summary>The embedded default's reminder table: Orleans' in-memory one.</summary>
public sealed class InMemoryReminderTableTests : ReminderTableConformance
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}
