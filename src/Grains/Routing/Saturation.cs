namespace Helpdesk.Grains.Routing;

/// <summary>When specialists count as saturated, so a literate customer falls back to the first line.</summary>
public static class Saturation
{
    /// <summary>
    /// Whether no operator of <paramref name="line"/> or above can take <paramref name="channel"/> now and at least as
    /// many contacts wait for that line as it has operators at work.
    /// </summary>
    public static bool IsSaturated(Line line, Channel channel, IReadOnlyCollection<MemberView> members, IEnumerable<WaitingContact> queue)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(queue);
        var specialists = members.Where(member => member.Line >= line && member.Presence != Presence.Offline).ToList();
        if (specialists.Exists(member => member.CanTake(channel)))
        {
            return false;
        }

        return queue.Count(contact => contact.Line >= line) >= specialists.Count;
    }
}
