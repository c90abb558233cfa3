using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class OperatorLeavingScenarios
{
    [Fact]
    public async Task OperatorGoingOfflineHandsBackOfferedAndInProgressContactsWhichAreDispatchedAgain()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("call", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        Assert.Equal("ann", (await center.CreateContactAsync("chat", "support", customer: "cat", channel: Channel.Chat)).OperatorId);
        await center.AddOperatorAsync("bob", "support");

        await center.SetPresenceAsync("ann", Presence.Offline);

        var call = await center.WaitForOfferAsync("call", "bob");
        var chat = await center.WaitForOfferAsync("chat", "bob");
        Assert.Equal("operator ann left: dispatched again", call.Route[^1].Note);
        Assert.Equal("operator ann left: dispatched again", chat.Route[^1].Note);
        Assert.Empty(call.Declined);
        var ann = await center.GetOperatorAsync("ann");
        Assert.Equal(Presence.Offline, ann.Presence);
        Assert.Empty(ann.Contacts);
    }

    [Fact]
    public async Task OperatorGoingOnBreakHandsBackOffersButKeepsContactsInProgress()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("call", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        await center.CreateContactAsync("chat", "support", customer: "cat", channel: Channel.Chat);
        await center.AddOperatorAsync("bob", "support");

        await center.SetPresenceAsync("ann", Presence.Break);

        await center.WaitForOfferAsync("chat", "bob");
        var call = await center.GetContactAsync("call");
        Assert.Equal(ContactStatus.InProgress, call.Status);
        Assert.Equal("ann", call.OperatorId);
        Assert.Equal("call", Assert.Single((await center.GetOperatorAsync("ann")).Contacts).ContactId);
    }
}
