using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>Timed escalation: after configured waits a contact widens its pool.</summary>
public sealed class EscalationTests
{
    private static readonly EscalationStep NextLine = new(TimeSpan.FromSeconds(30), EscalationAction.NextLine);
    private static readonly EscalationStep RelaxSkill = new(TimeSpan.FromSeconds(60), EscalationAction.RelaxSkill);
    private static readonly EscalationStep Neighbour = new(TimeSpan.FromSeconds(90), EscalationAction.NeighbourDepartment, "network");
    private static readonly EscalationStep[] Steps = [NextLine, RelaxSkill, Neighbour];

    [Fact]
    public void NoStepIsDueBeforeTheFirstWaitHasPassed()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromSeconds(29));

        Assert.Empty(Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void StepIsDueExactlyWhenItsWaitHasPassed()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromSeconds(30));

        Assert.Equal([NextLine], Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void StepsCountFromEnteringTheDepartmentNotFromArrival()
    {
        var contact = Contact(arrivedAt: Now - TimeSpan.FromMinutes(10), enteredAt: Now - TimeSpan.FromSeconds(45));

        Assert.Equal([NextLine], Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void StepsBecomeDueInTheirConfiguredOrder()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromSeconds(100));

        Assert.Equal([NextLine, RelaxSkill, Neighbour], Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void AppliedStepIsNeverDueAgain()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromSeconds(100), escalationsApplied: 1);

        Assert.Equal([RelaxSkill, Neighbour], Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void NothingIsDueWhileTheNextStepsWaitHasNotPassed()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromSeconds(45), escalationsApplied: 1);

        Assert.Empty(Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void NothingIsDueOnceEveryStepIsApplied()
    {
        var contact = Contact(enteredAt: Now - TimeSpan.FromHours(1), escalationsApplied: 3);

        Assert.Empty(Escalation.Due(contact, Steps, Now));
    }

    [Fact]
    public void ApplyingTheDueStepsTakesEachStepOnce()
    {
        var contact = Contact(line: Line.L1, skill: "billing", minProficiency: 3, enteredAt: Now - TimeSpan.FromSeconds(70));
        var taken = new List<EscalationStep>();

        foreach (var at in new[] { Now, Now + TimeSpan.FromSeconds(5), Now + TimeSpan.FromSeconds(25), Now + TimeSpan.FromMinutes(5) })
        {
            foreach (var step in Escalation.Due(contact, Steps, at).ToList())
            {
                contact = Escalation.Apply(contact, step);
                taken.Add(step);
            }
        }

        Assert.Equal([NextLine, RelaxSkill, Neighbour], taken);
        Assert.Equal(3, contact.EscalationsApplied);
    }

    [Fact]
    public void NextLineLetsTheNextLineTakeTheContact()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L1);

        var escalated = Escalation.Apply(contact, NextLine);

        Assert.Equal(Line.L1, escalated.Line);
        Assert.Equal(Line.L2, escalated.MaxLine);
        Assert.Equal(1, escalated.EscalationsApplied);
        Assert.True(escalated.Admits(Line.L2));
    }

    [Fact]
    public void NextLineFromTheSecondLineReachesTheThird()
    {
        var escalated = Escalation.Apply(Contact(line: Line.L1, maxLine: Line.L2), NextLine);

        Assert.Equal(Line.L3, escalated.MaxLine);
    }

    [Fact]
    public void NextLineStopsAtTheThirdLine()
    {
        var escalated = Escalation.Apply(Contact(line: Line.L2, maxLine: Line.L3), NextLine);

        Assert.Equal(Line.L3, escalated.MaxLine);
        Assert.Equal(1, escalated.EscalationsApplied);
    }

    [Fact]
    public void EscalatedFirstLineContactReachesAFreeSpecialist()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L1);
        MemberView[] members = [Member("specialist", Line.L2)];

        var before = OperatorSelector.Choose(contact, members, RoutingStrategy.LongestIdle, RoutingPolicy.Default, Now);
        var after = OperatorSelector.Choose(Escalation.Apply(contact, NextLine), members, RoutingStrategy.LongestIdle, RoutingPolicy.Default, Now);

        Assert.Empty(before.Ranked);
        Assert.Equal(["specialist"], after.OperatorIds());
    }

    [Fact]
    public void RelaxSkillDropsTheSkill()
    {
        var contact = Contact(maxLine: Line.L2, skill: "billing", minProficiency: 4);

        var relaxed = Escalation.Apply(contact, RelaxSkill);

        Assert.Null(relaxed.Skill);
        Assert.Equal(Line.L2, relaxed.MaxLine);
        Assert.Equal(1, relaxed.EscalationsApplied);
    }

    [Fact]
    public void RelaxedContactReachesAnOperatorWithoutTheSkill()
    {
        var contact = Contact(skill: "billing", minProficiency: 4);
        MemberView[] members = [Member("generalist")];

        var relaxed = Escalation.Apply(contact, RelaxSkill);

        Assert.False(OperatorSelector.IsEligible(contact, members[0]));
        Assert.True(OperatorSelector.IsEligible(relaxed, members[0]));
    }

    [Fact]
    public void NeighbourDepartmentLeavesTheContactsRoutingAsItIsButCountsAsApplied()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L2, skill: "billing", minProficiency: 2, escalationsApplied: 2);

        var moved = Escalation.Apply(contact, Neighbour);

        Assert.Equal(contact with { EscalationsApplied = 3 }, moved);
    }
}
