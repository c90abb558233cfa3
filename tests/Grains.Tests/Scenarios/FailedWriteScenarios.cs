using Helpdesk.Grains.Contacts;
using Helpdesk.Testing;
using Npgsql;

namespace Helpdesk.Grains.Tests.Scenarios;

/// <summary>A change whose write fails, as during a failover, leaves nobody holding less than the ticket says.</summary>
public sealed class FailedWriteScenarios
{
    /// <summary>
    /// The ticket is written before its operator is released: when that write fails, the operator still holds the contact
    /// the stored ticket says they hold, and the same request succeeds once the database takes writes again.
    /// </summary>
    [Fact]
    public async Task AProposedSolutionWhoseWriteFailsLeavesTheOperatorHoldingTheContactAndCanBeRepeated()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("failing");
        await using var center = await ContactCenter.StartAsync(connectionString: connectionString);
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("call", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        var propose = new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann", "the second invoice is cancelled");
        await using var database = NpgsqlDataSource.Create(connectionString);
        await ExecuteAsync(database, """
            CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the database refuses this write'; END $$;
            CREATE TRIGGER refuse_call BEFORE UPDATE ON grain_state FOR EACH ROW WHEN (NEW.grain_key = 'contact/call') EXECUTE FUNCTION refuse_write();
            """);

        await Assert.ThrowsAnyAsync<Exception>(() => center.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(propose));

        var stored = await center.GetContactAsync("call");
        Assert.Equal((ContactStatus.InProgress, "ann"), (stored.Status, stored.OperatorId));
        var ann = await center.GetOperatorAsync("ann");
        Assert.True(Assert.Single(ann.Contacts, held => held.ContactId == "call").Accepted);

        await ExecuteAsync(database, "DROP TRIGGER refuse_call ON grain_state");
        var proposed = ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(propose));

        Assert.Equal((ContactStatus.SolutionProposed, null), (proposed.Status, proposed.OperatorId));
        Assert.DoesNotContain((await center.GetOperatorAsync("ann")).Contacts, held => held.ContactId == "call");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
