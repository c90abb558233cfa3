namespace Helpdesk.Grains.Karma;

/// <summary>Turns a customer's ratings into karma, and karma into what routing needs.</summary>
/// <remarks>
/// Each rating weighs its rater's line weight × (0.5 + standing) × ½^(age / half-life). A score is the weighted
/// mean with a neutral prior of <see cref="KarmaPolicy.PriorWeight"/>; confidence is w / (w + c), where w is the
/// summed weight and c the weight at which confidence is one half. Old ratings thus fade in both.
/// </remarks>
public static class KarmaCalculator
{
    /// <summary>The karma that <paramref name="ratings"/> amount to at <paramref name="now"/>.</summary>
    public static CustomerKarma Of(IReadOnlyCollection<Rating> ratings, DateTimeOffset now, KarmaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(policy);
        if (ratings.Count == 0)
        {
            return CustomerKarma.Unknown;
        }

        double weight = 0, literacy = 0, temperament = 0;
        foreach (var rating in ratings)
        {
            var w = WeightOf(rating, now, policy);
            weight += w;
            literacy += w * rating.Literacy;
            temperament += w * rating.Temperament;
        }

        var confidence = weight / (weight + policy.HalfConfidenceWeight);
        var prior = policy.PriorWeight * KarmaPolicy.Neutral;
        return new CustomerKarma(
            new KarmaScore((prior + literacy) / (policy.PriorWeight + weight), confidence),
            new KarmaScore((prior + temperament) / (policy.PriorWeight + weight), confidence),
            ratings.Count);
    }

    /// <summary>How much <paramref name="rating"/> counts at <paramref name="now"/>.</summary>
    public static double WeightOf(Rating rating, DateTimeOffset now, KarmaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(policy);
        var age = Math.Max(0, (now - rating.At).TotalSeconds);
        var decay = Math.Pow(0.5, age / policy.HalfLife.TotalSeconds);
        return policy.LineWeight(rating.RaterLine) * (0.5 + Math.Clamp(rating.RaterStanding, 0, 1)) * decay;
    }

    /// <summary>Whether the customer may skip the first line.</summary>
    public static bool IsLiterate(CustomerKarma karma, KarmaPolicy policy) =>
        karma.Literacy.Confidence >= policy.MinConfidence && karma.Literacy.Score >= policy.LiterateFrom;

    /// <summary>Whether the customer is known to be calm.</summary>
    public static bool IsCalm(CustomerKarma karma, KarmaPolicy policy) =>
        karma.Temperament.Confidence >= policy.MinConfidence && karma.Temperament.Score >= policy.CalmFrom;

    /// <summary>The difficulty weight a contact of this customer adds to an operator's load: 0 (calm) to 2 (very difficult).</summary>
    /// <remarks>How far the temperament falls below neutral, scaled by how sure it is; unknown customers weigh nothing.</remarks>
    public static double Difficulty(CustomerKarma karma)
    {
        ArgumentNullException.ThrowIfNull(karma);
        return Math.Max(0, KarmaPolicy.Neutral - karma.Temperament.Score) * karma.Temperament.Confidence;
    }
}
