using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class WrapUpScenarios
{
    private static readonly TimeSpan WrapUp = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OperatorInWrapUpTakesNothingUntilTheWrapUpTimePassesThenGetsTheWaitingContact()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support", wrapUp: WrapUp);
        await center.CreateContactAsync("c1", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").AcceptAsync("ann"));
        await center.CreateContactAsync("c2", "support", customer: "cat");

        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("c1").ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));
        await center.DepartmentWhenAsync("support", d => d.Members.Single().Presence == Presence.WrapUp, "sees ann in wrap-up");
        await center.AdvanceAsync(WrapUp - TimeSpan.FromSeconds(1));

        var ann = await center.GetOperatorAsync("ann");
        Assert.Equal(Presence.WrapUp, ann.Presence);
        Assert.Empty(ann.Contacts);
        Assert.Equal(ContactStatus.Queued, (await center.GetContactAsync("c2")).Status);
        Assert.Equal("c2", Assert.Single((await center.GetDepartmentAsync("support")).Queue).ContactId);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        await center.WaitForOfferAsync("c2", "ann");
        Assert.Equal("c2", Assert.Single((await center.GetOperatorAsync("ann")).Contacts).ContactId);
    }
}
