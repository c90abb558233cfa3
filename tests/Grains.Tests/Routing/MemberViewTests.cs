using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>What a department reads off a member: whether they can take a channel, and how well they know a skill.</summary>
public sealed class MemberViewTests
{
    [Theory]
    [InlineData(Presence.Available, true)]
    [InlineData(Presence.Busy, true)]
    [InlineData(Presence.Offline, false)]
    [InlineData(Presence.WrapUp, false)]
    [InlineData(Presence.Break, false)]
    [InlineData(Presence.NotResponding, false)]
    public void OnlyOperatorsAvailableOrBusyCanTakeAContactEvenWithFreeCapacity(Presence presence, bool canTake)
    {
        var member = Member("ann", presence: presence, freeCapacity: Capacity(2));

        Assert.Equal(canTake, member.CanTake(Channel.Chat));
        Assert.Equal(canTake, member.CanTakeAny());
    }

    [Fact]
    public void OperatorCanTakeOnlyChannelsWithFreeCapacity()
    {
        var member = Member("ann", freeCapacity: new Dictionary<Channel, int> { [Channel.Phone] = 1, [Channel.Chat] = 0 });

        Assert.True(member.CanTake(Channel.Phone));
        Assert.False(member.CanTake(Channel.Chat));
        Assert.False(member.CanTake(Channel.Email));
        Assert.True(member.CanTakeAny());
    }

    [Fact]
    public void OperatorWithNoFreeCapacityOnAnyChannelCanTakeNothing()
    {
        var member = Member("ann", freeCapacity: new Dictionary<Channel, int> { [Channel.Phone] = 0, [Channel.Chat] = 0 });

        Assert.False(member.CanTakeAny());
    }

    [Fact]
    public void ProficiencyIsZeroForAMissingSkillOrNoSkill()
    {
        var member = Member("ann", skills: new Dictionary<string, int> { ["billing"] = 4 });

        Assert.Equal(4, member.Proficiency("billing"));
        Assert.Equal(0, member.Proficiency("network"));
        Assert.Equal(0, member.Proficiency(null));
    }
}
