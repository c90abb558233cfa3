using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>Who may take a contact at all: exclusions, lines, skills, presence and capacity.</summary>
public sealed class OperatorSelectorEligibilityTests
{
    [Fact]
    public void ExcludedOperatorIsNeverChosen()
    {
        var contact = Contact(excluded: new HashSet<string> { "ann" });

        var selection = Choose(contact, Member("ann", idleFor: TimeSpan.FromHours(1)), Member("bob"));

        Assert.Equal(["bob"], selection.OperatorIds());
    }

    [Fact]
    public void OperatorWhoDeclinedIsNeverChosenEvenWhenNobodyElseIsThere()
    {
        var contact = Contact(excluded: new HashSet<string> { "ann" });

        var selection = Choose(contact, Member("ann"));

        Assert.Empty(selection.Ranked);
        Assert.Equal("no operator of line L1 is at work", selection.Rule);
    }

    [Fact]
    public void FirstLineContactIsNotTakenBySpecialists()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L1);

        var selection = Choose(
            contact,
            Member("specialist", Line.L2, idleFor: TimeSpan.FromHours(1)),
            Member("senior", Line.L3, idleFor: TimeSpan.FromHours(2)),
            Member("greeter", Line.L1));

        Assert.Equal(["greeter"], selection.OperatorIds());
    }

    [Fact]
    public void FirstLineContactIsTakenBySpecialistsOnceItsMaxLineAdmitsThem()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L2);

        var selection = Choose(
            contact,
            Member("specialist", Line.L2, idleFor: TimeSpan.FromHours(1)),
            Member("senior", Line.L3, idleFor: TimeSpan.FromHours(2)),
            Member("greeter", Line.L1));

        Assert.Equal(["specialist", "greeter"], selection.OperatorIds());
    }

    [Fact]
    public void SpecialistContactIsNotTakenByTheFirstLine()
    {
        var contact = Contact(line: Line.L2, maxLine: Line.L3);

        var selection = Choose(
            contact,
            Member("greeter", Line.L1, idleFor: TimeSpan.FromHours(1)),
            Member("senior", Line.L3));

        Assert.Equal(["senior"], selection.OperatorIds());
    }

    [Fact]
    public void OperatorWithoutTheSkillOrBelowTheMinimumProficiencyIsNeverChosen()
    {
        var contact = Contact(skill: "billing", minProficiency: 3);

        var selection = Choose(
            contact,
            Member("none", skills: new Dictionary<string, int> { ["network"] = 5 }, idleFor: TimeSpan.FromHours(3)),
            Member("weak", skills: new Dictionary<string, int> { ["billing"] = 2 }, idleFor: TimeSpan.FromHours(2)),
            Member("exact", skills: new Dictionary<string, int> { ["billing"] = 3 }, idleFor: TimeSpan.FromHours(1)),
            Member("strong", skills: new Dictionary<string, int> { ["billing"] = 5 }));

        Assert.Equal(["exact", "strong"], selection.OperatorIds());
    }

    [Fact]
    public void ContactWaitsWhenNobodyHasTheSkillAndTheReasonNamesIt()
    {
        var contact = Contact(line: Line.L1, maxLine: Line.L2, skill: "billing", minProficiency: 3);

        var selection = Choose(contact, Member("weak", skills: new Dictionary<string, int> { ["billing"] = 2 }));

        Assert.Empty(selection.Ranked);
        Assert.Contains("with skill 'billing' at proficiency 3 or more", selection.Rule, StringComparison.Ordinal);
        Assert.Contains("L1–L2", selection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorWithNoFreeCapacityOnTheContactsChannelIsNotChosen()
    {
        var contact = Contact(channel: Channel.Chat);
        var phoneOnly = new Dictionary<Channel, int> { [Channel.Phone] = 2, [Channel.Chat] = 0 };

        var selection = Choose(contact, Member("phone", freeCapacity: phoneOnly, idleFor: TimeSpan.FromHours(1)), Member("chat"));

        Assert.Equal(["chat"], selection.OperatorIds());
    }

    [Fact]
    public void ContactWaitsWhenNoEligibleOperatorHasFreeCapacityAndTheReasonSaysTheyAreBusy()
    {
        var contact = Contact(channel: Channel.Chat);
        var full = new Dictionary<Channel, int> { [Channel.Phone] = 1, [Channel.Chat] = 0 };

        var selection = Choose(
            contact,
            Member("ann", presence: Presence.Busy, freeCapacity: full),
            Member("bob", presence: Presence.Available, freeCapacity: full));

        Assert.Empty(selection.Ranked);
        Assert.Equal("all 2 eligible operators are busy or away", selection.Rule);
    }

    [Theory]
    [InlineData(Presence.Offline)]
    [InlineData(Presence.Break)]
    [InlineData(Presence.WrapUp)]
    [InlineData(Presence.NotResponding)]
    public void OperatorWhoIsNotReadyIsNeverChosenEvenWithFreeCapacity(Presence presence)
    {
        var selection = Choose(Contact(), Member("away", presence: presence, idleFor: TimeSpan.FromHours(1)), Member("ready"));

        Assert.Equal(["ready"], selection.OperatorIds());
    }

    [Theory]
    [InlineData(Presence.Break)]
    [InlineData(Presence.WrapUp)]
    [InlineData(Presence.NotResponding)]
    public void ContactWaitsWhenTheOnlyOperatorAtWorkIsNotReady(Presence presence)
    {
        var selection = Choose(Contact(), Member("away", presence: presence));

        Assert.Empty(selection.Ranked);
        Assert.Equal("all 1 eligible operators are busy or away", selection.Rule);
    }

    [Fact]
    public void OfflineOperatorDoesNotCountAsAtWork()
    {
        var selection = Choose(Contact(), Member("gone", presence: Presence.Offline));

        Assert.Empty(selection.Ranked);
        Assert.Equal("no operator of line L1 is at work", selection.Rule);
    }

    [Fact]
    public void BusyOperatorWithCapacityLeftOnTheChannelMayStillTakeIt()
    {
        var selection = Choose(Contact(channel: Channel.Email), Member("ann", presence: Presence.Busy, freeCapacity: new Dictionary<Channel, int> { [Channel.Email] = 1 }));

        Assert.Equal(["ann"], selection.OperatorIds());
    }

    [Fact]
    public void ContactWaitsWithAReasonWhenTheDepartmentHasNoMembers()
    {
        var selection = Choose(Contact(line: Line.L2));

        Assert.Empty(selection.Ranked);
        Assert.Equal("no operator of line L2 is at work", selection.Rule);
    }

    [Fact]
    public void IsEligibleIgnoresFreeCapacity()
    {
        var full = Member("ann", presence: Presence.Busy, freeCapacity: Capacity(0));

        Assert.True(OperatorSelector.IsEligible(Contact(), full));
        Assert.False(OperatorSelector.IsEligible(Contact(excluded: new HashSet<string> { "ann" }), full));
    }

    private static Selection Choose(WaitingContact contact, params MemberView[] members) =>
        OperatorSelector.Choose(contact, members, RoutingStrategy.LongestIdle, RoutingPolicy.Default, Now);
}
