namespace Helpdesk.Grains.Broadcasts;

/// <summary>Which broadcasts are on, whom they concern, and which are old enough to forget.</summary>
public static class BroadcastMatch
{
    /// <summary>When it stops: its end, or when it was ended by hand if that came first.</summary>
    public static DateTimeOffset Over(Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return broadcast.EndedAt is { } ended && ended < broadcast.End ? ended : broadcast.End;
    }

    /// <summary>Whether it is on at <paramref name="at"/>: started, and neither past its end nor ended by hand.</summary>
    public static bool IsActive(Broadcast broadcast, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return broadcast.Start <= at && at < Over(broadcast);
    }

    /// <summary>Whether it concerns a contact to <paramref name="department"/> about <paramref name="topic"/>.</summary>
    /// <remarks>
    /// A department broadcast concerns that department only, so a contact whose department is not known yet hears
    /// only the broadcasts to all; likewise a topic broadcast needs the topic, compared without regard to case.
    /// </remarks>
    public static bool Concerns(Broadcast broadcast, string? department, string? topic)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return broadcast.Scope switch
        {
            BroadcastScope.All => true,
            BroadcastScope.Department => department is not null && string.Equals(broadcast.Department, department, StringComparison.Ordinal),
            BroadcastScope.Topic => topic is not null && string.Equals(broadcast.Topic, topic, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The broadcasts on at <paramref name="at"/> that concern a contact to <paramref name="department"/> about <paramref name="topic"/>, in the given order.</summary>
    public static IReadOnlyList<Broadcast> Active(IEnumerable<Broadcast> broadcasts, string? department, string? topic, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(broadcasts);
        return [.. broadcasts.Where(broadcast => IsActive(broadcast, at) && Concerns(broadcast, department, topic))];
    }

    /// <summary>Whether it stopped longer than <paramref name="retention"/> before <paramref name="now"/>, so nobody needs it any more.</summary>
    public static bool IsStale(Broadcast broadcast, DateTimeOffset now, TimeSpan retention) => Over(broadcast) < now - retention;
}
