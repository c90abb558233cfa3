using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Reports;

/// <summary>One countable event for the reports; report grains add them up.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When; it picks the day and hour it counts in (UTC).</param>
/// <param name="Department">The department it counts for.</param>
/// <param name="ContactId">The ticket, if any.</param>
/// <param name="Channel">The ticket's channel, if any.</param>
/// <param name="Topic">The ticket's topic (its request reason), if any.</param>
/// <param name="Category">The topic's category, if any.</param>
/// <param name="OperatorId">The operator it counts for, if any.</param>
/// <param name="Duration">Handle time for <see cref="FactKind.Handled"/>, time at work for <see cref="FactKind.Staffed"/>.</param>
/// <param name="Score">1–5 for <see cref="FactKind.Rated"/>.</param>
/// <param name="Like">Like (true) or dislike (false) for <see cref="FactKind.Rated"/>, if given.</param>
[GenerateSerializer, Alias("helpdesk.ContactFact")]
public sealed record ContactFact(
    [property: Id(0)] FactKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Department,
    [property: Id(3)] string? ContactId = null,
    [property: Id(4)] Channel? Channel = null,
    [property: Id(5)] string? Topic = null,
    [property: Id(6)] string? Category = null,
    [property: Id(7)] string? OperatorId = null,
    [property: Id(8)] TimeSpan? Duration = null,
    [property: Id(9)] int? Score = null,
    [property: Id(10)] bool? Like = null);
