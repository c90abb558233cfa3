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

    /// <summary>A state is read through the unique index on its whole key: among a thousand rows of its state name, the lookup filters none away.</summary>
    [Fact]
    public async Task AStateIsFoundThroughItsIndexWithoutScanningItsKind()
    {
        await using var database = PostgreSqlDatabase.Create((await PostgresServer.Shared).ConnectionStringForNewSchema("lookup"));
        await Migrator(database).MigrateAsync(CancellationToken.None);
        await using (var fill = database.DataSource.CreateCommand("""
            INSERT INTO grain_state (service_id, state_name, grain_key, grain_id_n0, grain_id_n1, grain_id_hash, grain_type_hash, payload, version)
            SELECT 'helpdesk', 'contact', 'contact/c' || i, 0, 0, i, 1, NULL, 1 FROM generate_series(1, 1000) AS i;
            ANALYZE grain_state;
            """))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using var query = database.DataSource.CreateCommand("SELECT querytext FROM orleansquery WHERE querykey = 'ReadFromStorageKey'");
        var read = (string)(await query.ExecuteScalarAsync())!;
        await using var explain = database.DataSource.CreateCommand($"EXPLAIN (ANALYZE, FORMAT JSON) {read}");
        explain.Parameters.AddWithValue("ServiceId", "helpdesk");
        explain.Parameters.AddWithValue("GrainTypeString", "contact");
        explain.Parameters.AddWithValue("GrainIdExtensionString", "contact/c500");
        explain.Parameters.AddWithValue("GrainIdN0", 0L);
        explain.Parameters.AddWithValue("GrainIdN1", 0L);
        var plan = (string)(await explain.ExecuteScalarAsync())!;

        Assert.Contains("\"Index Name\": \"grain_state_identity\"", plan, StringComparison.Ordinal);
        Assert.Contains("\"Actual Rows\": 1", plan, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"Rows Removed by (Index Recheck|Filter)\": [1-9]", plan);
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
