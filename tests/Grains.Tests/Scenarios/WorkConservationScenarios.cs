using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class WorkConservationScenarios
{
    [Fact]
    public async Task OperatorWhoCompletesIsOfferedTheHighestPriorityWaitingContactAtOnce()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("c1", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").AcceptAsync("ann"));
        await center.CreateContactAsync("low", "support", customer: "lou", priority: 1);
        await center.CreateContactAsync("high", "support", customer: "hal", priority: 5);

        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));

        await center.WaitForOfferAsync("high", "ann");
        Assert.Equal(ContactStatus.Queued, (await center.GetContactAsync("low")).Status);
        Assert.Equal("low", Assert.Single((await center.GetDepartmentAsync("support")).Queue).ContactId);
        Assert.Equal("high", Assert.Single((await center.GetOperatorAsync("ann")).Contacts).ContactId);
    }

    [Fact]
    public async Task OperatorWhoFreesUpTakesOnlyAContactOfAChannelTheyHaveRoomFor()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.CreateContactAsync("call", "support");
        await center.CreateContactAsync("chat", "support", channel: Channel.Chat);
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").AcceptAsync("ann"));
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("chat").AcceptAsync("ann"));
        await center.CreateContactAsync("waiting-call", "support", customer: "wes", priority: 1);
        await center.CreateContactAsync("waiting-chat", "support", customer: "cat", channel: Channel.Chat, priority: 5);

        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("call").ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));

        await center.WaitForOfferAsync("waiting-call", "ann");
        Assert.Equal(ContactStatus.Queued, (await center.GetContactAsync("waiting-chat")).Status);
    }
}
