using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class OfferTimeoutScenarios
{
    private static readonly RoutingPolicy Policy = RoutingPolicy.Default with { OfferTimeout = TimeSpan.FromSeconds(15) };

    [Fact]
    public async Task UnansweredOfferIsWithdrawnAfterTheOfferTimeoutAndOfferedToAnotherOperator()
    {
        await using var center = await ContactCenter.StartAsync(Policy);
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("bob", "support");
        Assert.Equal("ann", (await center.CreateContactAsync("c1", "support")).OperatorId);

        await center.AdvanceAsync(Policy.OfferTimeout - TimeSpan.FromSeconds(1));

        Assert.Equal("c1", Assert.Single((await center.GetOperatorAsync("ann")).Contacts).ContactId);
        Assert.Equal(ContactStatus.Offered, (await center.GetContactAsync("c1")).Status);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        var contact = await center.WaitForOfferAsync("c1", "bob");
        Assert.Equal(["ann"], contact.Declined);
        Assert.Contains("offer to ann timed out", contact.Route[^1].Note, StringComparison.Ordinal);
        var ann = await center.GetOperatorAsync("ann");
        Assert.Equal(Presence.NotResponding, ann.Presence);
        Assert.Empty(ann.Contacts);
        Assert.Equal(1, ann.Kpi.Missed);
    }

    [Fact]
    public async Task ContactIsNeverOfferedAgainToTheOperatorWhoLetItTimeOut()
    {
        await using var center = await ContactCenter.StartAsync(Policy);
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("bob", "support");
        await center.CreateContactAsync("c1", "support");
        await center.AdvanceAsync(Policy.OfferTimeout);
        await center.WaitForOfferAsync("c1", "bob");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").RejectAsync("bob"));

        await center.SetPresenceAsync("ann", Presence.Available);
        await center.AdvanceAsync(TimeSpan.FromSeconds(3));

        var contact = await center.GetContactAsync("c1");
        Assert.Equal(ContactStatus.Queued, contact.Status);
        Assert.Equal(["ann", "bob"], contact.Declined);
        Assert.Empty((await center.GetOperatorAsync("ann")).Contacts);
        Assert.Empty((await center.GetOperatorAsync("bob")).Contacts);
        Assert.Equal("c1", Assert.Single((await center.GetDepartmentAsync("support")).Queue).ContactId);
        Assert.Equal(Presence.Available, (await center.GetOperatorAsync("ann")).Presence);
    }
}
