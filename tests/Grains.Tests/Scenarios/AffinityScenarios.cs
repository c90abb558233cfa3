using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class AffinityScenarios
{
    private static readonly RoutingPolicy Policy = RoutingPolicy.Default with { AffinityTimeout = TimeSpan.FromSeconds(40) };

    [Fact]
    public async Task CustomersNextContactWaitsForTheirBusyLastAgentThenGoesToSomeoneElseAfterTheAffinityTimeout()
    {
        await using var center = await ContactCenter.StartAsync(Policy);
        await ServedByAnnWhoIsNowBusyAsync(center);

        var receipt = await center.CreateContactAsync("again", "support", customer: "carl");

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        Assert.StartsWith("waiting for last agent ann", receipt.WaitReason, StringComparison.Ordinal);

        await center.AdvanceAsync(Policy.AffinityTimeout - TimeSpan.FromSeconds(1));

        Assert.Empty((await center.GetOperatorAsync("bob")).Contacts);
        Assert.Equal("again", Assert.Single((await center.GetDepartmentAsync("support")).Queue).ContactId);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        await center.WaitForOfferAsync("again", "bob");
    }

    [Fact]
    public async Task CustomersNextContactGoesToTheirLastAgentWhenTheyFreeUpWithinTheAffinityTimeout()
    {
        await using var center = await ContactCenter.StartAsync(Policy);
        await ServedByAnnWhoIsNowBusyAsync(center);
        await center.CreateContactAsync("again", "support", customer: "carl");
        await center.AdvanceAsync(Policy.AffinityTimeout / 2);

        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("other").ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));

        await center.WaitForOfferAsync("again", "ann");
        Assert.Empty((await center.GetOperatorAsync("bob")).Contacts);
    }

    /// <summary>Ann serves carl to the end, then takes dora's call; bob joins, free.</summary>
    private static async Task ServedByAnnWhoIsNowBusyAsync(ContactCenter center)
    {
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        var first = center.Grains.GetGrain<IContactGrain>("first");
        await center.CreateContactAsync("first", "support", customer: "carl");
        ContactCenter.Ok(await first.AcceptAsync("ann"));
        ContactCenter.Ok(await first.ChangeStatusAsync(new StatusRequest(ContactStatus.SolutionProposed, TicketActor.Operator, "ann")));
        await center.CreateContactAsync("other", "support", customer: "dora");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("other").AcceptAsync("ann"));
        await center.AddOperatorAsync("bob", "support");
    }
}
