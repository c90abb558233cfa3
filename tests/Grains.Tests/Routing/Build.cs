using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>Members and contacts with plain defaults, so each test states only what it is about.</summary>
internal static class Build
{
    /// <summary>The fixed "now" of every routing test.</summary>
    public static DateTimeOffset Now { get; } = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An available operator with one free slot on every channel, idle for ten minutes.</summary>
    public static MemberView Member(
        string operatorId,
        Line line = Line.L1,
        Presence presence = Presence.Available,
        IReadOnlyDictionary<string, int>? skills = null,
        IReadOnlyDictionary<Channel, int>? freeCapacity = null,
        int activeContacts = 0,
        double difficultyLoad = 0,
        bool meetsKpi = false,
        TimeSpan? idleFor = null) =>
        new(
            operatorId,
            line,
            skills ?? new Dictionary<string, int>(),
            presence,
            freeCapacity ?? Capacity(1),
            activeContacts,
            difficultyLoad,
            meetsKpi,
            Now - (idleFor ?? TimeSpan.FromMinutes(10)),
            Version: 1);

    /// <summary>The same free capacity on every channel.</summary>
    public static IReadOnlyDictionary<Channel, int> Capacity(int each) =>
        Enum.GetValues<Channel>().ToDictionary(channel => channel, _ => each);

    /// <summary>A chat contact for the first line, priority 3, neither difficult nor calm, that arrived just now.</summary>
    public static WaitingContact Contact(
        string contactId = "contact",
        Channel channel = Channel.Chat,
        int priority = 3,
        Line line = Line.L1,
        Line? maxLine = null,
        string? skill = null,
        int minProficiency = 0,
        double difficulty = 0,
        bool calm = false,
        string? lastAgent = null,
        IReadOnlyCollection<string>? excluded = null,
        string? requiredOperator = null,
        DateTimeOffset? arrivedAt = null,
        DateTimeOffset? enteredAt = null,
        int escalationsApplied = 0) =>
        new(
            contactId,
            CustomerId: "customer",
            channel,
            priority,
            line,
            maxLine ?? line,
            skill,
            minProficiency,
            difficulty,
            calm,
            lastAgent,
            excluded ?? new HashSet<string>(),
            requiredOperator,
            arrivedAt ?? Now,
            enteredAt ?? arrivedAt ?? Now,
            escalationsApplied);
}
