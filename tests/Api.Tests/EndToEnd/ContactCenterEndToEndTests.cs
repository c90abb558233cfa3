using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.EndToEnd;

/// <summary>
/// 3 departments, 30 operators, 1,000 customers with varied karma and 2,000 contacts, all over real HTTP: literate
/// customers skip the first line, difficulty load stays within the cap, no contact is lost or assigned twice, and no
/// eligible operator idles while a matching contact waits.
/// </summary>
public abstract class ContactCenterEndToEndTests
{
    private const int CustomerCount = 1_000;
    private const int ContactCount = 2_000;

    /// <summary>The storage to run on; <see langword="null"/> for memory.</summary>
    protected abstract Task<string?> ConnectionStringAsync();

    [Fact]
    public async Task TwoThousandContactsAreRoutedByKarmaFairlyAndNoneIsLostOrAssignedTwice()
    {
        await using var server = await HelpdeskServer.StartAsync(await ConnectionStringAsync(), routing: ContactCenterScenario.Policy);
        var center = new ContactCenterScenario(server);
        await center.CreateStaffAsync();
        await center.SeedCustomersAsync(CustomerCount, seed: 7);

        using var stop = new CancellationTokenSource();
        var desktops = await center.StartDesktopsAsync(stop.Token);
        var watcher = center.WatchWorkConservationAsync(stop.Token);
        await center.PostContactsAsync(ContactCount, seed: 11);
        await center.WaitUntilAllCompletedAsync(ContactCount);
        await stop.CancelAsync();
        await Task.WhenAll(desktops, watcher.ContinueWith(_ => { }, TaskScheduler.Default));

        Assert.Empty(center.DoubleAssignments);
        Assert.True(center.IdleWhileWaiting.Count == 0, string.Join(Environment.NewLine, center.IdleWhileWaiting.Take(5)));
        Assert.Equal(ContactCount, center.Contacts.Select(contact => contact.Id).Distinct().Count());

        var contacts = new List<ContactSnapshot>();
        await Parallel.ForEachAsync(center.Contacts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (contact, _) =>
        {
            var snapshot = await server.GetOkAsync<ContactSnapshot>($"/api/contacts/{contact.Id}");
            lock (contacts)
            {
                contacts.Add(snapshot);
            }
        });

        Assert.All(contacts, contact =>
        {
            Assert.Equal(ContactStatus.SolutionProposed, contact.Status);
            Assert.Single(contact.History, change => change.Status == ContactStatus.InProgress);
        });

        var waited = contacts.Count(contact => contact.Route.Any(step => step.OperatorId is null));
        Assert.True(waited >= 100, $"Only {waited} contacts ever waited: too few to show that waiting contacts are dispatched as operators free up.");

        var handledAt = contacts.ToDictionary(contact => contact.Id, contact => center.OperatorLines[contact.History.Single(change => change.Status == ContactStatus.InProgress).By]);
        var literate = contacts.Where(contact => center.Customers[contact.Request.CustomerId] == CustomerKind.Literate).ToList();
        var others = contacts.Where(contact => center.Customers[contact.Request.CustomerId] != CustomerKind.Literate).ToList();
        Assert.NotEmpty(literate);
        Assert.All(literate, contact => Assert.True(
            handledAt[contact.Id] >= Line.L2 || contact.Route.Any(step => step.Note?.Contains("saturated", StringComparison.Ordinal) == true),
            $"Literate customer's contact {contact.Id} was handled at {handledAt[contact.Id]} without a saturation fallback."));
        Assert.True(literate.Count(contact => handledAt[contact.Id] >= Line.L2) > literate.Count / 2, "Most literate customers' contacts must reach the specialists.");
        Assert.All(others, contact => Assert.Equal(Line.L1, handledAt[contact.Id]));

        var difficult = contacts.Where(contact => center.Customers[contact.Request.CustomerId] == CustomerKind.Difficult).ToList();
        Assert.NotEmpty(difficult);
        Assert.All(difficult, contact => Assert.Contains(contact.Route, step => step.OperatorId is not null && step.Rule!.StartsWith("difficult customer: least difficulty load under the cap", StringComparison.Ordinal)));
        foreach (var operatorId in center.OperatorLines.Keys)
        {
            var load = (await server.GetOkAsync<OperatorSnapshot>($"/api/operators/{operatorId}")).DifficultyLoad;
            Assert.True(load <= ContactCenterScenario.Policy.DifficultyCap, $"{operatorId} carries a difficulty load of {load:0.0}, over the cap of {ContactCenterScenario.Policy.DifficultyCap}.");
        }
    }
}

/// <summary>The end-to-end scenario in memory.</summary>
public sealed class InMemoryContactCenterEndToEndTests : ContactCenterEndToEndTests
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}

/// <summary>The end-to-end scenario on PostgreSQL.</summary>
public sealed class PostgreSqlContactCenterEndToEndTests : ContactCenterEndToEndTests
{
    protected override async Task<string?> ConnectionStringAsync() => (await PostgresServer.Shared).ConnectionStringForNewSchema("endtoend");
}
