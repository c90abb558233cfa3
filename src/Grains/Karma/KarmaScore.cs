namespace Helpdesk.Grains.Karma;

/// <summary>One karma scale: a score from 1 to 5 and how sure it is, from 0 to 1.</summary>
/// <param name="Score">The weighted score, pulled toward the neutral 3 while ratings are few.</param>
/// <param name="Confidence">Grows with the number and weight of ratings, falls as they age.</param>
[GenerateSerializer, Alias("helpdesk.KarmaScore")]
public sealed record KarmaScore([property: Id(0)] double Score, [property: Id(1)] double Confidence)
{
    /// <summary>A customer nobody has rated.</summary>
    public static KarmaScore Unknown { get; } = new(KarmaPolicy.Neutral, 0);
}
