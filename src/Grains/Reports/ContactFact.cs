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
public sealed record ContactFact(
    FactKind Kind,
    DateTimeOffset At,
    string Department,
    string? ContactId = null,
    Channel? Channel = null,
    string? Topic = null,
    string? Category = null,
    string? OperatorId = null,
    TimeSpan? Duration = null,
    int? Score = null,
    bool? Like = null);
