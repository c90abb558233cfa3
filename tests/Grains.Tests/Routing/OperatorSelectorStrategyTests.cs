using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>How each department strategy ranks the free operators.</summary>
public sealed class OperatorSelectorStrategyTests
{
    [Fact]
    public void LongestIdleRanksWhoeverWaitedLongestSinceTheirLastContactFirst()
    {
        var selection = Choose(
            RoutingStrategy.LongestIdle,
            Member("ann", idleFor: TimeSpan.FromMinutes(5)),
            Member("bob", idleFor: TimeSpan.FromMinutes(20)),
            Member("cid", idleFor: TimeSpan.FromMinutes(10)));

        Assert.Equal(["bob", "cid", "ann"], selection.OperatorIds());
        Assert.Equal("longest idle", selection.Rule);
    }

    [Fact]
    public void LeastLoadedRanksWhoeverHoldsTheFewestContactsFirst()
    {
        var selection = Choose(
            RoutingStrategy.LeastLoaded,
            Member("ann", activeContacts: 2, idleFor: TimeSpan.FromHours(1)),
            Member("bob", activeContacts: 0),
            Member("cid", activeContacts: 1));

        Assert.Equal(["bob", "cid", "ann"], selection.OperatorIds());
        Assert.Equal("least loaded", selection.Rule);
    }

    [Fact]
    public void LeastLoadedBreaksEqualLoadsByLongestIdle()
    {
        var selection = Choose(
            RoutingStrategy.LeastLoaded,
            Member("ann", activeContacts: 1, idleFor: TimeSpan.FromMinutes(5)),
            Member("bob", activeContacts: 1, idleFor: TimeSpan.FromMinutes(20)));

        Assert.Equal(["bob", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void RoundRobinResumesWithTheOperatorAfterTheOneAssignedLast()
    {
        var selection = TakeTurns("bob", Member("ann"), Member("bob"), Member("cid"), Member("dan"));

        Assert.Equal(["cid", "dan", "ann", "bob"], selection.OperatorIds());
        Assert.Equal("round robin", selection.Rule);
    }

    [Fact]
    public void RoundRobinWrapsAroundAfterTheLastOperatorInTurn()
    {
        var selection = TakeTurns("dan", Member("cid"), Member("ann"), Member("dan"), Member("bob"));

        Assert.Equal(["ann", "bob", "cid", "dan"], selection.OperatorIds());
    }

    [Fact]
    public void RoundRobinStartsWithTheFirstOperatorWhenNobodyWasAssignedYet()
    {
        var selection = TakeTurns(null, Member("cid"), Member("ann"), Member("bob"));

        Assert.Equal(["ann", "bob", "cid"], selection.OperatorIds());
    }

    [Fact]
    public void RoundRobinResumesAfterTheOperatorAssignedLastEvenWhenTheyAreNoLongerFree()
    {
        var selection = TakeTurns("bob", Member("ann"), Member("bob", presence: Presence.Break), Member("cid"));

        Assert.Equal(["cid", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void RoundRobinIgnoresIdleTimeAndLoad()
    {
        var selection = TakeTurns(
            "ann",
            Member("ann", idleFor: TimeSpan.FromHours(2)),
            Member("bob", activeContacts: 3),
            Member("cid", idleFor: TimeSpan.FromHours(1)));

        Assert.Equal(["bob", "cid", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void BestScoreRanksTheHighestProficiencyFirst()
    {
        var selection = Choose(
            RoutingStrategy.BestScore,
            Contact(skill: "billing", minProficiency: 1),
            Member("ann", skills: Skill("billing", 3), idleFor: TimeSpan.FromHours(1)),
            Member("bob", skills: Skill("billing", 5), activeContacts: 2),
            Member("cid", skills: Skill("billing", 4)));

        Assert.Equal(["bob", "cid", "ann"], selection.OperatorIds());
        Assert.Equal("best score", selection.Rule);
    }

    [Fact]
    public void BestScoreBreaksEqualProficiencyByFewestContactsThenLongestIdle()
    {
        var selection = Choose(
            RoutingStrategy.BestScore,
            Contact(skill: "billing", minProficiency: 1),
            Member("ann", skills: Skill("billing", 5), activeContacts: 2, idleFor: TimeSpan.FromHours(2)),
            Member("bob", skills: Skill("billing", 5), activeContacts: 1, idleFor: TimeSpan.FromMinutes(5)),
            Member("cid", skills: Skill("billing", 5), activeContacts: 1, idleFor: TimeSpan.FromMinutes(20)));

        Assert.Equal(["cid", "bob", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void EqualRanksAreBrokenByOperatorId()
    {
        var selection = Choose(RoutingStrategy.LongestIdle, Member("bob"), Member("ann"));

        Assert.Equal(["ann", "bob"], selection.OperatorIds());
    }

    [Fact]
    public void StrategyScoresRunEvenlyFromOneForTheFirstToZeroForTheLast()
    {
        var selection = Choose(
            RoutingStrategy.LongestIdle,
            Member("ann", idleFor: TimeSpan.FromMinutes(5)),
            Member("bob", idleFor: TimeSpan.FromMinutes(20)),
            Member("cid", idleFor: TimeSpan.FromMinutes(10)));

        Assert.Equal([1.0, 0.5, 0.0], selection.Ranked.Select(candidate => candidate.Score));
    }

    [Fact]
    public void OnlyFreeOperatorScoresOne()
    {
        var selection = Choose(RoutingStrategy.LeastLoaded, Member("ann", activeContacts: 4));

        Assert.Equal(1.0, Assert.Single(selection.Ranked).Score);
    }

    [Fact]
    public void CandidatesCarryTheirDifficultyLoad()
    {
        var selection = Choose(RoutingStrategy.LongestIdle, Member("ann", difficultyLoad: 2.5));

        Assert.Equal(2.5, Assert.Single(selection.Ranked).DifficultyLoad);
    }

    private static Dictionary<string, int> Skill(string name, int proficiency) => new() { [name] = proficiency };

    private static Selection Choose(RoutingStrategy strategy, params MemberView[] members) =>
        Choose(strategy, Contact(), members);

    private static Selection Choose(RoutingStrategy strategy, WaitingContact contact, params MemberView[] members) =>
        OperatorSelector.Choose(contact, members, strategy, RoutingPolicy.Default, Now);

    private static Selection TakeTurns(string? lastAssigned, params MemberView[] members) =>
        OperatorSelector.Choose(Contact(), members, RoutingStrategy.RoundRobin, RoutingPolicy.Default, Now, lastAssigned);
}
