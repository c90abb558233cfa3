using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class PlacementScenarios
{
    [Fact]
    public async Task ContactIsOfferedAtOnceToAFreeEligibleOperator()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support", presence: Presence.Break);
        await center.AddOperatorAsync("bob", "support");

        var receipt = await center.CreateContactAsync("c1", "support");

        Assert.Equal(ContactStatus.Offered, receipt.Status);
        Assert.Equal("bob", receipt.OperatorId);
        Assert.Null(receipt.QueuePosition);
        var bob = await center.GetOperatorAsync("bob");
        var offer = Assert.Single(bob.Contacts);
        Assert.Equal("c1", offer.ContactId);
        Assert.False(offer.Accepted);
        Assert.Equal(center.Clock.GetUtcNow() + RoutingPolicy.Default.OfferTimeout, offer.Offer.ExpiresAt);
        Assert.Empty((await center.GetDepartmentAsync("support")).Queue);
    }

    [Fact]
    public async Task ContactWaitsInTheQueueWithAReasonWhenNobodyIsFree()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("c1", "support");

        var receipt = await center.CreateContactAsync("c2", "support");

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        Assert.Null(receipt.OperatorId);
        Assert.Equal(1, receipt.QueuePosition);
        Assert.Equal((null, "all 1 eligible operators are busy or away"), (receipt.Rule, receipt.WaitReason));
        var queued = Assert.Single((await center.GetDepartmentAsync("support")).Queue);
        Assert.Equal("c2", queued.ContactId);
        var contact = await center.GetContactAsync("c2");
        Assert.Equal(ContactStatus.Queued, contact.Status);
        Assert.Equal(receipt.WaitReason, Assert.Single(contact.Route).WaitReason);
    }

    [Fact]
    public async Task ContactWaitsWithAReasonWhenNoOperatorOfItsLineIsAtWork()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("lena", "support", line: Line.L2);

        var receipt = await center.CreateContactAsync("c1", "support");

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        Assert.Equal("no operator of line L1 is at work", receipt.WaitReason);
        Assert.Empty((await center.GetOperatorAsync("lena")).Contacts);
    }
}
