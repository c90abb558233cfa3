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
[GenerateSerializer, Alias("helpdesk.DayCounters")]
public sealed record DayCounters(
    [property: Id(0)] string Department,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] int Created,
    [property: Id(3)] int Closed,
    [property: Id(4)] int Deflected,
    [property: Id(5)] int Handled,
    [property: Id(6)] TimeSpan HandleTime,
    [property: Id(7)] TimeSpan Staffed,
    [property: Id(8)] int Transfers,
    [property: Id(9)] int SolutionsProposed,
    [property: Id(10)] int SolutionsRejected,
    [property: Id(11)] RatingCounts Ratings,
    [property: Id(12)] IReadOnlyList<int> ArrivalsByHour,
    [property: Id(13)] IReadOnlyList<ChannelCount> Channels,
    [property: Id(14)] IReadOnlyList<TopicCount> Topics,
    [property: Id(15)] IReadOnlyList<OperatorWork> Operators,
    [property: Id(16)] IReadOnlyList<ViolationCount> Violations)
{
    /// <summary>A day with nothing counted yet.</summary>
    public static DayCounters Empty(string department, DateOnly day) =>
        new(department, day, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0, RatingCounts.None, new int[24], [], [], [], []);
}
