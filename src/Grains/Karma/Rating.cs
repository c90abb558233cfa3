using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Karma;

/// <summary>One operator's rating of a customer after a contact, kept for audit.</summary>
/// <param name="OperatorId">The rater.</param>
/// <param name="ContactId">The contact the rating is about.</param>
/// <param name="RaterLine">The rater's line: a senior's rating weighs more.</param>
/// <param name="RaterStanding">The rater's standing from 0 to 1 (1 when they meet their KPI).</param>
/// <param name="Literacy">Technical literacy, 1 (novice) to 5 (expert).</param>
/// <param name="Temperament">Temperament, 1 (very difficult) to 5 (calm).</param>
/// <param name="At">When it was given.</param>
[GenerateSerializer, Alias("helpdesk.Rating")]
public sealed record Rating(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] Line RaterLine,
    [property: Id(3)] double RaterStanding,
    [property: Id(4)] int Literacy,
    [property: Id(5)] int Temperament,
    [property: Id(6)] DateTimeOffset At);
