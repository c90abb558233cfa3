using Helpdesk.Cluster.Hosting;
using Helpdesk.Cluster.PostgreSql;
using Helpdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Cluster.Tests.PostgreSql;

/// <summary>The migrator applies our schema once, whatever the number of silos starting together, and refuses a schema it did not make.</summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task SilosMigratingAtOnceApplyEachMigrationOnce()
    {
        await using var database = PostgreSqlDatabase.Create((await PostgresServer.Shared).ConnectionStringForNewSchema("migrate"));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Migrator(database).MigrateAsync(CancellationToken.None)));

        await using var command = database.DataSource.CreateCommand("SELECT name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        List<string> applied = [];
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        Assert.Equal(SchemaMigrator.Migrations.Select(migration => migration.Name), applied);
    }

    [Fact]
    public async Task EveryQueryOrleansNeedsIsInTheSchema()
    {
        await using var database = PostgreSqlDatabase.Create((await PostgresServer.Shared).ConnectionStringForNewSchema("queries"));
        await Migrator(database).MigrateAsync(CancellationToken.None);

        await using var command = database.DataSource.CreateCommand("SELECT querykey FROM orleansquery");
        await using var reader = await command.ExecuteReaderAsync();
        HashSet<string> keys = [];
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        string[] needed =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
            "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Subset(keys, needed.ToHashSet());
    }

    /// <summary>The tables of Helpdesk's runtime before Orleans cannot be read by Orleans: such a schema is refused, saying what to do.</summary>
    [Fact]
    public async Task ASchemaMigratedByAnotherVersionIsRefusedWithAClearMessage()
    {
        await using var database = PostgreSqlDatabase.Create((await PostgresServer.Shared).ConnectionStringForNewSchema("older"));
        await using (var command = database.DataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS "{database.Schema}";
            CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_migrations (version, name) VALUES (1, '001_grain_state.sql');
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<IncompatibleSchemaException>(() => Migrator(database).MigrateWhenReachableAsync(CancellationToken.None));

        Assert.Contains("001_grain_state.sql", refused.Message, StringComparison.Ordinal);
        Assert.Contains(database.Schema, refused.Message, StringComparison.Ordinal);
    }

    private static SchemaMigrator Migrator(PostgreSqlDatabase database) =>
        new(database, Options.Create(new SiloSettings()), TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
}
