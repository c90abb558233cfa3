using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>Difficult customers are spread by difficulty load; calm customers reward operators meeting their KPI.</summary>
public sealed class OperatorSelectorFairnessTests
{
    [Fact]
    public void DifficultCustomerGoesToOperatorWithLeastDifficultyLoad()
    {
        var selection = Choose(
            Contact(difficulty: 1),
            Member("ann", difficultyLoad: 3, idleFor: TimeSpan.FromHours(1)),
            Member("bob", difficultyLoad: 1),
            Member("cid", difficultyLoad: 2));

        Assert.Equal(["bob", "cid", "ann"], selection.OperatorIds());
        Assert.Equal("difficult customer: least difficulty load under the cap of 6", selection.Rule);
    }

    [Fact]
    public void DifficultCustomerIgnoresTheOperatorTheStrategyPrefers()
    {
        var members = new[]
        {
            Member("ann", difficultyLoad: 4, idleFor: TimeSpan.FromHours(1)),
            Member("bob", difficultyLoad: 0),
        };

        var neutral = Choose(Contact(difficulty: 0), members);
        var difficult = Choose(Contact(difficulty: 1), members);

        Assert.Equal("ann", neutral.Ranked[0].OperatorId);
        Assert.Equal("bob", difficult.Ranked[0].OperatorId);
    }

    [Fact]
    public void EqualDifficultyLoadsAreRankedByTheStrategy()
    {
        var selection = Choose(
            Contact(difficulty: 1),
            Member("ann", difficultyLoad: 1),
            Member("bob", difficultyLoad: 1, idleFor: TimeSpan.FromHours(1)));

        Assert.Equal(["bob", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void CustomerAtTheDifficultThresholdCountsAsDifficult()
    {
        var selection = Choose(
            Contact(difficulty: RoutingPolicy.Default.DifficultFrom),
            Member("ann", difficultyLoad: 3, idleFor: TimeSpan.FromHours(1)),
            Member("bob", difficultyLoad: 0));

        Assert.Equal(["bob", "ann"], selection.OperatorIds());
    }

    [Fact]
    public void CustomerBelowTheDifficultThresholdIsRankedByTheStrategyAlone()
    {
        var selection = Choose(
            Contact(difficulty: 0.4),
            Member("ann", difficultyLoad: 5, idleFor: TimeSpan.FromHours(1)),
            Member("bob", difficultyLoad: 0));

        Assert.Equal(["ann", "bob"], selection.OperatorIds());
        Assert.Equal("longest idle", selection.Rule);
    }

    [Fact]
    public void CapIsRespectedWhileSomeoneUnderItIsFree()
    {
        var selection = Choose(
            Contact(difficulty: 1.5),
            Member("over", difficultyLoad: 5, idleFor: TimeSpan.FromHours(1)),
            Member("under", difficultyLoad: 4),
            Member("brim", difficultyLoad: 4.5));

        Assert.Equal(["under", "brim"], selection.OperatorIds());
        Assert.Contains("under the cap of 6", selection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void CapMayBeExceededOnlyWhenNobodyUnderItIsFree()
    {
        var selection = Choose(
            Contact(difficulty: 1.5),
            Member("fuller", difficultyLoad: 5.5),
            Member("full", difficultyLoad: 5),
            Member("fresh", presence: Presence.Busy, freeCapacity: Capacity(0), difficultyLoad: 0));

        Assert.Equal(["full", "fuller"], selection.OperatorIds());
        Assert.Equal("difficult customer: nobody under the cap of 6 is free, least difficulty load", selection.Rule);
    }

    [Fact]
    public void CapFollowsThePolicy()
    {
        var policy = RoutingPolicy.Default with { DifficultyCap = 2 };

        var selection = OperatorSelector.Choose(
            Contact(difficulty: 1),
            [Member("ann", difficultyLoad: 1), Member("bob", difficultyLoad: 1.5)],
            RoutingStrategy.LongestIdle,
            policy,
            Now);

        Assert.Equal(["ann"], selection.OperatorIds());
        Assert.Contains("cap of 2", selection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void CalmCustomerPrefersAnOperatorMeetingTheirKpi()
    {
        var selection = Choose(Contact(calm: true), FourByIdleTimeWithBobMeetingKpi());

        Assert.Equal(["bob", "ann", "cid", "dan"], selection.OperatorIds());
        Assert.Equal("longest idle, calm customer rewards operators meeting their KPI", selection.Rule);
    }

    [Fact]
    public void NeutralCustomerDoesNotPreferOperatorsMeetingTheirKpi()
    {
        var selection = Choose(Contact(calm: false), FourByIdleTimeWithBobMeetingKpi());

        Assert.Equal(["ann", "bob", "cid", "dan"], selection.OperatorIds());
        Assert.Equal("longest idle", selection.Rule);
    }

    [Fact]
    public void CalmRewardIsAddedToTheStrategyScoreOfOperatorsMeetingTheirKpi()
    {
        var selection = Choose(Contact(calm: true), FourByIdleTimeWithBobMeetingKpi());

        var scores = selection.Ranked.ToDictionary(candidate => candidate.OperatorId, candidate => candidate.Score);
        Assert.Equal((2.0 / 3) + RoutingPolicy.Default.CalmReward, scores["bob"], precision: 9);
        Assert.Equal(1.0, scores["ann"], precision: 9);
        Assert.Equal(1.0 / 3, scores["cid"], precision: 9);
    }

    [Fact]
    public void LargerCalmRewardLetsAKpiOperatorOvertakeTheStrategysFirstChoice()
    {
        var policy = RoutingPolicy.Default with { CalmReward = 1.5 };

        var selection = OperatorSelector.Choose(
            Contact(calm: true),
            [Member("ann", idleFor: TimeSpan.FromHours(1)), Member("bob", meetsKpi: true)],
            RoutingStrategy.LongestIdle,
            policy,
            Now);

        Assert.Equal(["bob", "ann"], selection.OperatorIds());
    }

    private static MemberView[] FourByIdleTimeWithBobMeetingKpi() =>
    [
        Member("ann", idleFor: TimeSpan.FromMinutes(40)),
        Member("bob", idleFor: TimeSpan.FromMinutes(30), meetsKpi: true),
        Member("cid", idleFor: TimeSpan.FromMinutes(20)),
        Member("dan", idleFor: TimeSpan.FromMinutes(10)),
    ];

    private static Selection Choose(WaitingContact contact, params MemberView[] members) =>
        OperatorSelector.Choose(contact, members, RoutingStrategy.LongestIdle, RoutingPolicy.Default, Now);
}
