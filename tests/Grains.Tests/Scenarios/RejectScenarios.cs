using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class RejectScenarios
{
    [Fact]
    public async Task RejectedContactGoesToSomeoneElseAndListsTheDecliner()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("bob", "support");
        Assert.Equal("ann", (await center.CreateContactAsync("c1", "support")).OperatorId);

        var contact = ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").RejectAsync("ann"));

        Assert.Equal(ContactStatus.Offered, contact.Status);
        Assert.Equal("bob", contact.OperatorId);
        Assert.Equal(["ann"], contact.Declined);
        Assert.Equal("declined by ann", contact.Route[^1].Note);
        await center.WaitForOfferAsync("c1", "bob");
        var ann = await center.GetOperatorAsync("ann");
        Assert.Empty(ann.Contacts);
        Assert.Equal(Presence.Available, ann.Presence);
        Assert.Equal(1, ann.Kpi.Rejected);
    }

    [Fact]
    public async Task OnlyTheOperatorItIsOfferedToMayRejectIt()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("bob", "support");
        await center.CreateContactAsync("c1", "support");

        var refused = await center.Grains.GetGrain<IContactGrain>("c1").RejectAsync("bob");

        Assert.Equal(ReplyStatus.Conflict, refused.Status);
        var contact = await center.GetContactAsync("c1");
        Assert.Equal("ann", contact.OperatorId);
        Assert.Empty(contact.Declined);
    }
}
