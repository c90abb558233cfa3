using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
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

    /// <summary>
    /// The other way round: the ticket is written but its operator cannot be freed (their write fails, as when their silo
    /// is failing over). The proposed solution stands, and the wake-up reminder frees the operator once they can be, with
    /// their contact counted once.
    /// </summary>
    [Fact]
    public async Task AnOperatorWhoCannotBeFreedWhenTheSolutionIsProposedIsFreedOnceTheyCanBe()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("unfreed");
        await using var center = await ContactCenter.StartAsync(connectionString: connectionString);
        await using var database = NpgsqlDataSource.Create(connectionString);
        await ProposeWhileAnCannotBeWrittenAsync(center, database);
        var ann = await center.GetOperatorAsync("ann");
        Assert.Contains(ann.Contacts, held => held.ContactId == "call");

        await ExecuteAsync(database, "DROP TRIGGER refuse_ann ON grain_state");
        await center.AdvanceAsync(TimeSpan.FromSeconds(5));
        var freed = await center.OperatorWhenAsync("ann", snapshot => snapshot.Contacts.Count == 0, "ann freed of the contact once her writes succeed");

        Assert.Equal(1, freed.Kpi.Completed);
        Assert.Equal(ContactStatus.SolutionProposed, (await center.GetContactAsync("call")).Status);
    }

    /// <summary>The operator still to be freed is stored with the ticket, so a restart in between frees them all the same.</summary>
    [Fact]
    public async Task AnOperatorStillToBeFreedWhenTheSiloStopsIsFreedWhenTheTicketIsBack()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("unfreedrestart");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var clock = new ManualTimeProvider();
        await using (var center = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock))
        {
            await ProposeWhileAnCannotBeWrittenAsync(center, database);
        }

        await ExecuteAsync(database, "DROP TRIGGER refuse_ann ON grain_state");
        await using var restarted = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);
        var contact = await restarted.GetContactAsync("call");
        var stillHeld = await restarted.Grains.GetGrain<IOperatorGrain>("ann").HoldsAsync("call");
        var freed = await restarted.OperatorWhenAsync("ann", snapshot => snapshot.Contacts.Count == 0, "ann freed once the ticket is active again");

        Assert.False(stillHeld, "The ticket, activated to read ann's hold, frees her first.");
        Assert.Equal(ContactStatus.SolutionProposed, contact.Status);
        Assert.Equal(1, freed.Kpi.Completed);
    }

    /// <summary>
    /// A change that fails before its write (here the department, asked for its SLA, cannot be activated, as when its silo
    /// dies) leaves nothing of itself in the ticket's memory: repeated once the department is back, it succeeds and frees
    /// the operator, where a ticket still holding the half-made change would refuse her as no longer responsible.
    /// </summary>
    [Fact]
    public async Task AChangeThatFailsBeforeItsWriteLeavesNothingInMemoryAndSucceedsWhenRepeated()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("halfmade");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var clock = new ManualTimeProvider();
        await using (var center = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock))
        {
            await center.AddDepartmentAsync("support");
            await center.AddOperatorAsync("ann", "support");
            await center.CreateContactAsync("call", "support");
            ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        }

        // Restarted, so that the ticket asks the department again; the department's stored state cannot be read.
        await ExecuteAsync(database, "CREATE TABLE kept AS SELECT * FROM grain_state WHERE grain_key = 'department/support'");
        await ExecuteAsync(database, "UPDATE grain_state SET payload = convert_to('\"unreadable\"', 'UTF8') WHERE grain_key = 'department/support'");
        await using var restarted = await ContactCenter.StartAsync(connectionString: connectionString, clock: clock);
        var propose = new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann", "the second invoice is cancelled");

        await Assert.ThrowsAnyAsync<Exception>(() => restarted.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(propose));

        await ExecuteAsync(database, "UPDATE grain_state SET payload = kept.payload FROM kept WHERE grain_state.grain_key = kept.grain_key");
        var proposed = ContactCenter.Ok(await restarted.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(propose));

        Assert.Equal((ContactStatus.SolutionProposed, null), (proposed.Status, proposed.OperatorId));
        Assert.Single(proposed.History, change => change.Status == ContactStatus.SolutionProposed);
        Assert.DoesNotContain((await restarted.GetOperatorAsync("ann")).Contacts, held => held.ContactId == "call");
    }

    /// <summary>Ann accepts a call and proposes a solution while her own state cannot be written: the proposal succeeds.</summary>
    private static async Task ProposeWhileAnCannotBeWrittenAsync(ContactCenter center, NpgsqlDataSource database)
    {
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("call", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        await ExecuteAsync(database, """
            CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the database refuses this write'; END $$;
            CREATE TRIGGER refuse_ann BEFORE UPDATE ON grain_state FOR EACH ROW WHEN (NEW.grain_key = 'operator/ann') EXECUTE FUNCTION refuse_write();
            """);

        var proposed = ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call")
            .ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann", "the second invoice is cancelled")));

        Assert.Equal((ContactStatus.SolutionProposed, null), (proposed.Status, proposed.OperatorId));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
