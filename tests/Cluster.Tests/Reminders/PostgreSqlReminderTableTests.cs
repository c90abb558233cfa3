using Helpdesk.Testing;

namespace Helpdesk.Cluster.Tests.Reminders;

/// <summary>Orleans' ADO.NET reminder table on our schema.</summary>
public sealed class PostgreSqlReminderTableTests : ReminderTableConformance
{
    private string? _connectionString;

    protected override async Task<string?> ConnectionStringAsync() =>
        _connectionString ??= (await PostgresServer.Shared).ConnectionStringForNewSchema("reminders");
}
