namespace Helpdesk.Grains.Reports;

/// <summary>One department's counters for one day.</summary>
/// <remarks>
/// Built by adding up <see cref="ContactFact"/>s and SLA violations; the lists are kept in key order, so the same facts
/// always read the same. Facts without a channel, topic or operator count in the totals only.
/// </remarks>
/// <param name="Department">The department.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Created">Tickets that arrived, deflected ones included.</param>
/// <param name="Closed">Tickets the customer closed.</param>
/// <param name="Deflected">Tickets a broadcast answered at once.</param>
/// <param name="Handled">Conversations operators finished.</param>
/// <param name="HandleTime">Their handle time, summed: the time operators were busy.</param>
/// <param name="Staffed">The time operators were at work, summed.</param>
/// <param name="Transfers">Tickets transferred.</param>
/// <param name="SolutionsProposed">Solutions operators proposed.</param>
/// <param name="SolutionsRejected">Solutions customers rejected.</param>
/// <param name="Ratings">The customers' ratings.</param>
/// <param name="ArrivalsByHour">Tickets created in each UTC hour of the day: 24 entries, hour 0 first.</param>
/// <param name="Channels">Created and closed by channel, in channel order.</param>
/// <param name="Topics">Created and closed by category and topic, in ordinal order.</param>
/// <param name="Operators">Each operator's handled conversations, handle time and time at work, in ordinal order.</param>
/// <param name="Violations">SLA violations by status and degree, in that order.</param>
public sealed record DayCounters(
    string Department,
    DateOnly Day,
    int Created,
    int Closed,
    int Deflected,
    int Handled,
    TimeSpan HandleTime,
    TimeSpan Staffed,
    int Transfers,
    int SolutionsProposed,
    int SolutionsRejected,
    RatingCounts Ratings,
    IReadOnlyList<int> ArrivalsByHour,
    IReadOnlyList<ChannelCount> Channels,
    IReadOnlyList<TopicCount> Topics,
    IReadOnlyList<OperatorWork> Operators,
    IReadOnlyList<ViolationCount> Violations)
{
    /// <summary>A day with nothing counted yet.</summary>
    public static DayCounters Empty(string department, DateOnly day) =>
        new(department, day, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0, RatingCounts.None, new int[24], [], [], [], []);
}
