using Helpdesk.Testing;
using Npgsql;

namespace Helpdesk.Cluster.Tests.Storage;

/// <summary>Orleans' ADO.NET provider on our schema, through <see cref="Cluster.Storage.TypedKeyGrainStorage"/>.</summary>
public sealed class PostgreSqlGrainStorageTests : GrainStorageConformance
{
    private string? _connectionString;

    protected override async Task<string?> ConnectionStringAsync() =>
        _connectionString ??= (await PostgresServer.Shared).ConnectionStringForNewSchema("storage");

    [Fact]
    public async Task TheRowHoldsTheWholeIdentityAndTheStateAsPlainJson()
    {
        await using var silo = await ClusterSilo.StartAsync(await ConnectionStringAsync());
        await silo.Storage.WriteStateAsync("note", GrainId.Create("note", "ABE"), new GrainState<Note>(new Note { Count = 3, Text = "three" }));

        await using var database = NpgsqlDataSource.Create((await ConnectionStringAsync())!);
        await using var command = database.CreateCommand("SELECT state_name, grain_key, state::text FROM grain_state_json");
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(("note", "note/ABE"), (reader.GetString(0), reader.GetString(1)));
        Assert.Equal("""{"text": "three", "count": 3}""", reader.GetString(2));
        Assert.False(await reader.ReadAsync());
    }
}
