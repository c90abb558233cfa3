using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>The customer's last agent, and the colleague a contact was transferred to.</summary>
public sealed class OperatorSelectorAffinityTests
{
    private static readonly DateTimeOffset ArrivedTenSecondsAgo = Now - TimeSpan.FromSeconds(10);

    [Fact]
    public void LastAgentWithinTheAffinityTimeoutIsTheOnlyCandidate()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann", idleFor: TimeSpan.FromHours(1)),
            Member("last"));

        Assert.Equal(["last"], selection.OperatorIds());
        Assert.Equal("last agent last", selection.Rule);
    }

    [Fact]
    public void ContactWaitsForABusyLastAgentWithinTheAffinityTimeout()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann"),
            Member("last", presence: Presence.Busy, freeCapacity: Capacity(0)));

        Assert.Empty(selection.Ranked);
        Assert.Equal($"waiting for last agent last until {Now + TimeSpan.FromSeconds(20):O}", selection.Rule);
    }

    [Fact]
    public void ContactWaitsForALastAgentOnBreakWithinTheAffinityTimeout()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann"),
            Member("last", presence: Presence.Break));

        Assert.Empty(selection.Ranked);
        Assert.StartsWith("waiting for last agent last", selection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterTheAffinityTimeoutEveryoneMayTakeTheContact()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: Now - TimeSpan.FromSeconds(31)),
            Member("ann", idleFor: TimeSpan.FromHours(1)),
            Member("last", presence: Presence.Busy, freeCapacity: Capacity(0)),
            Member("bob"));

        Assert.Equal(["ann", "bob"], selection.OperatorIds());
        Assert.Equal("longest idle", selection.Rule);
    }

    [Fact]
    public void AffinityEndsExactlyWhenTheTimeoutHasPassed()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: Now - RoutingPolicy.Default.AffinityTimeout),
            Member("ann", idleFor: TimeSpan.FromHours(1)),
            Member("last"));

        Assert.Equal(["ann", "last"], selection.OperatorIds());
    }

    [Fact]
    public void AffinityTimeoutRunsFromArrivalNotFromEnteringTheDepartment()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: Now - TimeSpan.FromMinutes(2), enteredAt: Now - TimeSpan.FromSeconds(5)),
            Member("ann", idleFor: TimeSpan.FromHours(1)),
            Member("last"));

        Assert.Equal(["ann", "last"], selection.OperatorIds());
    }

    [Fact]
    public void OfflineLastAgentDoesNotHoldTheContact()
    {
        var selection = Choose(
            Contact(lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann"),
            Member("last", presence: Presence.Offline));

        Assert.Equal(["ann"], selection.OperatorIds());
    }

    [Fact]
    public void ExcludedLastAgentDoesNotHoldTheContact()
    {
        var selection = Choose(
            Contact(lastAgent: "last", excluded: new HashSet<string> { "last" }, arrivedAt: ArrivedTenSecondsAgo),
            Member("ann"),
            Member("last"));

        Assert.Equal(["ann"], selection.OperatorIds());
    }

    [Fact]
    public void LastAgentOfALineTheContactDoesNotAdmitDoesNotHoldIt()
    {
        var selection = Choose(
            Contact(line: Line.L1, lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann"),
            Member("last", Line.L2, presence: Presence.Busy, freeCapacity: Capacity(0)));

        Assert.Equal(["ann"], selection.OperatorIds());
    }

    [Fact]
    public void LastAgentTakesADifficultCustomerEvenWithTheHighestDifficultyLoad()
    {
        var selection = Choose(
            Contact(difficulty: 1, lastAgent: "last", arrivedAt: ArrivedTenSecondsAgo),
            Member("ann", difficultyLoad: 0),
            Member("last", difficultyLoad: 4));

        Assert.Equal(["last"], selection.OperatorIds());
    }

    [Fact]
    public void TransferredContactGoesOnlyToTheRequiredOperator()
    {
        var selection = Choose(
            Contact(requiredOperator: "colleague"),
            Member("ann", idleFor: TimeSpan.FromHours(1)),
            Member("colleague"),
            Member("bob"));

        Assert.Equal(["colleague"], selection.OperatorIds());
    }

    [Fact]
    public void TransferredContactReachesTheRequiredOperatorWhateverTheirLineOrSkill()
    {
        var selection = Choose(
            Contact(line: Line.L1, skill: "billing", minProficiency: 4, requiredOperator: "colleague"),
            Member("colleague", Line.L3));

        Assert.Equal(["colleague"], selection.OperatorIds());
    }

    [Fact]
    public void TransferredContactWaitsForABusyRequiredOperator()
    {
        var selection = Choose(
            Contact(requiredOperator: "colleague"),
            Member("ann"),
            Member("colleague", presence: Presence.Busy, freeCapacity: Capacity(0)));

        Assert.Empty(selection.Ranked);
        Assert.Equal("all 1 eligible operators are busy or away", selection.Rule);
    }

    [Fact]
    public void TransferredContactWaitsWithAReasonWhenTheRequiredOperatorIsNotHere()
    {
        var selection = Choose(Contact(requiredOperator: "colleague"), Member("ann"));

        Assert.Empty(selection.Ranked);
        Assert.Equal("operator colleague is not a member here, is offline or is excluded", selection.Rule);
    }

    [Fact]
    public void TransferredContactNeverReachesARequiredOperatorWhoDeclinedIt()
    {
        var selection = Choose(
            Contact(requiredOperator: "colleague", excluded: new HashSet<string> { "colleague" }),
            Member("colleague"));

        Assert.Empty(selection.Ranked);
        Assert.StartsWith("operator colleague is not a member here", selection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredOperatorOverridesTheLastAgent()
    {
        var selection = Choose(
            Contact(lastAgent: "last", requiredOperator: "colleague", arrivedAt: ArrivedTenSecondsAgo),
            Member("last"),
            Member("colleague"));

        Assert.Equal(["colleague"], selection.OperatorIds());
    }

    private static Selection Choose(WaitingContact contact, params MemberView[] members) =>
        OperatorSelector.Choose(contact, members, RoutingStrategy.LongestIdle, RoutingPolicy.Default, Now);
}
