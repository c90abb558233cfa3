using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>When specialists count as saturated, so a literate customer falls back to the first line.</summary>
public sealed class SaturationTests
{
    private static readonly IReadOnlyDictionary<Channel, int> PhoneOnly = new Dictionary<Channel, int> { [Channel.Phone] = 1 };

    [Fact]
    public void SpecialistsAreSaturatedWhenNoneIsFreeAndAsManyWaitAsAreAtWork()
    {
        MemberView[] members = [Full("s1", Line.L2), Full("s2", Line.L3)];

        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 2)));
    }

    [Fact]
    public void SpecialistsAreNotSaturatedWhileOneOfThemIsFree()
    {
        MemberView[] members = [Full("s1", Line.L2), Member("s2", Line.L3)];

        Assert.False(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 10)));
    }

    [Fact]
    public void SpecialistsAreNotSaturatedWhileFewerWaitThanAreAtWork()
    {
        MemberView[] members = [Full("s1", Line.L2), Full("s2", Line.L2)];

        Assert.False(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 1)));
    }

    [Fact]
    public void FirstLineContactsInTheQueueDoNotCountTowardSpecialistSaturation()
    {
        MemberView[] members = [Full("s1", Line.L2), Full("s2", Line.L2)];

        Assert.False(Saturation.IsSaturated(Line.L2, Channel.Chat, members, [.. Waiting(Line.L1, 5), .. Waiting(Line.L2, 1)]));
    }

    [Fact]
    public void FreeFirstLineOperatorDoesNotRelieveSaturatedSpecialists()
    {
        MemberView[] members = [Full("s1", Line.L2), Member("greeter", Line.L1)];

        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 1)));
    }

    [Fact]
    public void SpecialistFreeOnlyOnAnotherChannelDoesNotRelieveSaturation()
    {
        MemberView[] members = [Member("s1", Line.L2, freeCapacity: PhoneOnly)];

        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 1)));
        Assert.False(Saturation.IsSaturated(Line.L2, Channel.Phone, members, Waiting(Line.L2, 1)));
    }

    [Fact]
    public void OfflineSpecialistsDoNotCountAsAtWork()
    {
        MemberView[] members = [Full("s1", Line.L2), Member("s2", Line.L2, presence: Presence.Offline)];

        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 1)));
    }

    [Fact]
    public void SpecialistOnBreakCountsAsAtWorkButNotAsFree()
    {
        MemberView[] members = [Full("s1", Line.L2), Member("s2", Line.L2, presence: Presence.Break)];

        Assert.False(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 1)));
        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, Waiting(Line.L2, 2)));
    }

    [Fact]
    public void NoSpecialistAtWorkCountsAsSaturated()
    {
        MemberView[] members = [Member("greeter", Line.L1), Member("s1", Line.L2, presence: Presence.Offline)];

        Assert.True(Saturation.IsSaturated(Line.L2, Channel.Chat, members, []));
    }

    private static MemberView Full(string operatorId, Line line) =>
        Member(operatorId, line, Presence.Busy, freeCapacity: Capacity(0));

    private static WaitingContact[] Waiting(Line line, int count) =>
        [.. Enumerable.Range(1, count).Select(index => Contact($"{line}-{index}", line: line))];
}
