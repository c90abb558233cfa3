using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class EscalationScenarios
{
    private static readonly TimeSpan After = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitingFirstLineContactIsOfferedToAFreeSecondLineOperatorOnlyAfterTheNextLineStep()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", RoutingStrategy.LongestIdle, new EscalationStep(After, EscalationAction.NextLine));
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("lena", "support", line: Line.L2);
        await center.CreateContactAsync("busy", "support");
        ContactCenter.Ok(await center.Grains.GetGrain<IContactGrain>("busy").AcceptAsync("ann"));
        Assert.Equal(ContactStatus.Queued, (await center.CreateContactAsync("c1", "support", customer: "cat")).Status);

        await center.AdvanceAsync(After - TimeSpan.FromSeconds(1));

        Assert.Empty((await center.GetOperatorAsync("lena")).Contacts);
        Assert.Equal("c1", Assert.Single((await center.GetDepartmentAsync("support")).Queue).ContactId);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        await center.WaitForOfferAsync("c1", "lena");
        Assert.Empty((await center.GetDepartmentAsync("support")).Queue);
    }

    [Fact]
    public async Task NeighbourDepartmentStepMovesTheWaitingContactToTheNeighboursQueueWhereItIsOffered()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("billing", RoutingStrategy.LongestIdle, new EscalationStep(After, EscalationAction.NeighbourDepartment, "sales"));
        await center.AddDepartmentAsync("sales");
        await center.AddOperatorAsync("sam", "sales", presence: Presence.Break);
        Assert.Equal(ContactStatus.Queued, (await center.CreateContactAsync("c1", "billing")).Status);

        await center.AdvanceAsync(After - TimeSpan.FromSeconds(1));

        Assert.Equal("c1", Assert.Single((await center.GetDepartmentAsync("billing")).Queue).ContactId);
        Assert.Empty((await center.GetDepartmentAsync("sales")).Queue);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        await center.DepartmentWhenAsync("sales", d => d.Queue.Any(waiting => waiting.ContactId == "c1"), "c1 waits in the neighbour's queue");
        var moved = await center.GetContactAsync("c1");
        Assert.Equal("sales", moved.Department);
        Assert.Equal(ContactStatus.Queued, moved.Status);
        Assert.Contains("escalated to neighbouring department sales", moved.Route[^1].Note, StringComparison.Ordinal);
        Assert.Empty((await center.GetDepartmentAsync("billing")).Queue);

        await center.SetPresenceAsync("sam", Presence.Available);

        var offered = await center.WaitForOfferAsync("c1", "sam");
        Assert.Equal("sales", offered.Department);
        Assert.Empty((await center.GetDepartmentAsync("sales")).Queue);
    }

    [Fact]
    public async Task RelaxSkillStepLetsAnOperatorWithoutTheSkillTakeTheWaitingContact()
    {
        await using var center = await ContactCenter.StartAsync();
        await center.AddDepartmentAsync("support", RoutingStrategy.LongestIdle, new EscalationStep(After, EscalationAction.RelaxSkill));
        await center.AddOperatorAsync("ann", "support", skills: new Dictionary<string, int> { ["linux"] = 1 });

        var receipt = await center.CreateContactAsync("c1", "support", skill: "linux", minProficiency: 3);

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        Assert.Equal("no operator of line L1 with skill 'linux' at proficiency 3 or more is at work", receipt.WaitReason);

        await center.AdvanceAsync(After - TimeSpan.FromSeconds(1));

        Assert.Empty((await center.GetOperatorAsync("ann")).Contacts);

        await center.AdvanceAsync(TimeSpan.FromSeconds(1));

        await center.WaitForOfferAsync("c1", "ann");
    }
}
