using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Karma;

/// <summary>Ratings weigh by the rater's line and standing, fade with age and are pulled toward neutral while few.</summary>
public sealed class KarmaCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly KarmaPolicy Policy = KarmaPolicy.Default;

    [Fact]
    public void NoRatingsMeansUnknownKarmaWithZeroConfidence()
    {
        var karma = KarmaCalculator.Of([], Now, Policy);

        Assert.Equal(CustomerKarma.Unknown, karma);
        Assert.Equal(new KarmaScore(KarmaPolicy.Neutral, 0), karma.Literacy);
        Assert.Equal(new KarmaScore(KarmaPolicy.Neutral, 0), karma.Temperament);
        Assert.Equal(0, karma.Ratings);
    }

    [Fact]
    public void ConfidenceGrowsWithEveryRating()
    {
        var one = KarmaCalculator.Of([Rated()], Now, Policy);
        var two = KarmaCalculator.Of([Rated(), Rated()], Now, Policy);
        var three = KarmaCalculator.Of([Rated(), Rated(), Rated()], Now, Policy);

        Assert.True(one.Literacy.Confidence > 0);
        Assert.True(two.Literacy.Confidence > one.Literacy.Confidence);
        Assert.True(three.Literacy.Confidence > two.Literacy.Confidence);
        Assert.True(three.Literacy.Confidence < 1);
        Assert.Equal(3, three.Ratings);
    }

    [Fact]
    public void ConfidenceIsTheSummedWeightOverItselfPlusTheHalfConfidenceWeight()
    {
        var one = KarmaCalculator.Of([Rated()], Now, Policy);
        var two = KarmaCalculator.Of([Rated(), Rated()], Now, Policy);

        Assert.Equal(1.0 / 3, one.Literacy.Confidence, precision: 9);
        Assert.Equal(0.5, two.Literacy.Confidence, precision: 9);
        Assert.Equal(two.Literacy.Confidence, two.Temperament.Confidence);
    }

    [Fact]
    public void SeniorRatingMovesTheScoreMoreThanAFirstLineRating()
    {
        var byFirstLine = KarmaCalculator.Of([Rated(Line.L1, literacy: 5)], Now, Policy);
        var bySenior = KarmaCalculator.Of([Rated(Line.L3, literacy: 5)], Now, Policy);

        Assert.Equal(4.0, byFirstLine.Literacy.Score, precision: 9);
        Assert.Equal(13.0 / 3, bySenior.Literacy.Score, precision: 9);
        Assert.True(bySenior.Literacy.Confidence > byFirstLine.Literacy.Confidence);
    }

    [Fact]
    public void SeniorOpinionOutweighsAContraryFirstLineOpinion()
    {
        var karma = KarmaCalculator.Of([Rated(Line.L1, literacy: 1), Rated(Line.L3, literacy: 5)], Now, Policy);

        Assert.True(karma.Literacy.Score > KarmaPolicy.Neutral);
    }

    [Theory]
    [InlineData(Line.L1, 1.0)]
    [InlineData(Line.L2, 1.5)]
    [InlineData(Line.L3, 2.0)]
    public void EachLineWeighsItsRatingsAsConfigured(Line line, double weight)
    {
        Assert.Equal(weight, KarmaCalculator.WeightOf(Rated(line), Now, Policy), precision: 9);
    }

    [Fact]
    public void HigherStandingWeighsMore()
    {
        var low = KarmaCalculator.WeightOf(Rated(standing: 0), Now, Policy);
        var high = KarmaCalculator.WeightOf(Rated(standing: 1), Now, Policy);

        Assert.Equal(0.5, low, precision: 9);
        Assert.Equal(1.5, high, precision: 9);
    }

    [Fact]
    public void RaterInGoodStandingMovesTheScoreFurther()
    {
        var byLowStanding = KarmaCalculator.Of([Rated(standing: 0, temperament: 1)], Now, Policy);
        var byHighStanding = KarmaCalculator.Of([Rated(standing: 1, temperament: 1)], Now, Policy);

        Assert.True(byHighStanding.Temperament.Score < byLowStanding.Temperament.Score);
    }

    [Theory]
    [InlineData(-1, 0.5)]
    [InlineData(2, 1.5)]
    public void StandingOutsideZeroToOneIsClamped(double standing, double weight)
    {
        Assert.Equal(weight, KarmaCalculator.WeightOf(Rated(standing: standing), Now, Policy), precision: 9);
    }

    [Fact]
    public void RatingOneHalfLifeOldWeighsHalf()
    {
        var fresh = KarmaCalculator.WeightOf(Rated(), Now, Policy);
        var old = KarmaCalculator.WeightOf(Rated(at: Now - Policy.HalfLife), Now, Policy);

        Assert.Equal(fresh / 2, old, precision: 9);
    }

    [Fact]
    public void RatingTwoHalfLivesOldWeighsAQuarter()
    {
        var fresh = KarmaCalculator.WeightOf(Rated(), Now, Policy);
        var old = KarmaCalculator.WeightOf(Rated(at: Now - (2 * Policy.HalfLife)), Now, Policy);

        Assert.Equal(fresh / 4, old, precision: 9);
    }

    [Fact]
    public void RatingFromTheFutureWeighsNoMoreThanAFreshOne()
    {
        var fresh = KarmaCalculator.WeightOf(Rated(), Now, Policy);
        var future = KarmaCalculator.WeightOf(Rated(at: Now + TimeSpan.FromDays(30)), Now, Policy);

        Assert.Equal(fresh, future, precision: 9);
    }

    [Fact]
    public void OldRatingsFadeInBothScoreAndConfidence()
    {
        var fresh = KarmaCalculator.Of([Rated(literacy: 5)], Now, Policy);
        var old = KarmaCalculator.Of([Rated(literacy: 5, at: Now - TimeSpan.FromDays(720))], Now, Policy);

        Assert.True(old.Literacy.Score < fresh.Literacy.Score);
        Assert.True(old.Literacy.Score > KarmaPolicy.Neutral);
        Assert.True(old.Literacy.Confidence < fresh.Literacy.Confidence);
        Assert.Equal(1, old.Ratings);
    }

    [Fact]
    public void RecentRatingOutweighsAnOldContraryOne()
    {
        var karma = KarmaCalculator.Of(
            [Rated(temperament: 1, at: Now - TimeSpan.FromDays(540)), Rated(temperament: 5, at: Now - TimeSpan.FromDays(1))],
            Now,
            Policy);

        Assert.True(karma.Temperament.Score > KarmaPolicy.Neutral);
    }

    [Fact]
    public void FewRatingsArePulledTowardNeutral()
    {
        var expert = KarmaCalculator.Of([Rated(literacy: 5)], Now, Policy);
        var novice = KarmaCalculator.Of([Rated(literacy: 1)], Now, Policy);

        Assert.Equal(4.0, expert.Literacy.Score, precision: 9);
        Assert.Equal(2.0, novice.Literacy.Score, precision: 9);
    }

    [Fact]
    public void ManyRatingsApproachTheirMean()
    {
        var karma = KarmaCalculator.Of([.. Enumerable.Repeat(Rated(literacy: 5), 20)], Now, Policy);

        Assert.Equal(103.0 / 21, karma.Literacy.Score, precision: 9);
        Assert.True(karma.Literacy.Score > 4.9);
    }

    [Fact]
    public void LiteracyAndTemperamentAreScoredSeparately()
    {
        var karma = KarmaCalculator.Of([Rated(literacy: 5, temperament: 1)], Now, Policy);

        Assert.Equal(4.0, karma.Literacy.Score, precision: 9);
        Assert.Equal(2.0, karma.Temperament.Score, precision: 9);
    }

    [Theory]
    [InlineData(4.0, 0.5, true)]
    [InlineData(4.8, 0.9, true)]
    [InlineData(4.8, 0.49, false)]
    [InlineData(3.99, 0.9, false)]
    [InlineData(3.0, 0.0, false)]
    public void LiteracyNeedsBothTheScoreAndTheConfidence(double score, double confidence, bool literate)
    {
        var karma = new CustomerKarma(new KarmaScore(score, confidence), KarmaScore.Unknown, 5);

        Assert.Equal(literate, KarmaCalculator.IsLiterate(karma, Policy));
    }

    [Theory]
    [InlineData(4.0, 0.5, true)]
    [InlineData(4.8, 0.9, true)]
    [InlineData(4.8, 0.49, false)]
    [InlineData(3.99, 0.9, false)]
    [InlineData(3.0, 0.0, false)]
    public void CalmNeedsBothTheScoreAndTheConfidence(double score, double confidence, bool calm)
    {
        var karma = new CustomerKarma(KarmaScore.Unknown, new KarmaScore(score, confidence), 5);

        Assert.Equal(calm, KarmaCalculator.IsCalm(karma, Policy));
    }

    [Fact]
    public void OneGlowingFirstLineRatingDoesNotMakeACustomerLiterateOrCalm()
    {
        var karma = KarmaCalculator.Of([Rated(literacy: 5, temperament: 5)], Now, Policy);

        Assert.False(KarmaCalculator.IsLiterate(karma, Policy));
        Assert.False(KarmaCalculator.IsCalm(karma, Policy));
    }

    [Fact]
    public void OneGlowingSeniorRatingInGoodStandingMakesACustomerLiterateAndCalm()
    {
        var karma = KarmaCalculator.Of([Rated(Line.L3, standing: 1, literacy: 5, temperament: 5)], Now, Policy);

        Assert.True(KarmaCalculator.IsLiterate(karma, Policy));
        Assert.True(KarmaCalculator.IsCalm(karma, Policy));
    }

    [Fact]
    public void LiteracyDoesNotMakeACustomerCalm()
    {
        var karma = new CustomerKarma(new KarmaScore(5, 1), new KarmaScore(3, 1), 10);

        Assert.True(KarmaCalculator.IsLiterate(karma, Policy));
        Assert.False(KarmaCalculator.IsCalm(karma, Policy));
    }

    [Fact]
    public void UnknownCustomerHasNoDifficulty()
    {
        Assert.Equal(0, KarmaCalculator.Difficulty(CustomerKarma.Unknown));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(4.0)]
    [InlineData(5.0)]
    public void NeutralOrCalmCustomerHasNoDifficulty(double temperament)
    {
        var karma = new CustomerKarma(KarmaScore.Unknown, new KarmaScore(temperament, 1), 10);

        Assert.Equal(0, KarmaCalculator.Difficulty(karma));
    }

    [Fact]
    public void DifficultyGrowsAsTemperamentFalls()
    {
        double[] difficulties = [.. new[] { 2.5, 2.0, 1.0 }.Select(score => KarmaCalculator.Difficulty(new CustomerKarma(KarmaScore.Unknown, new KarmaScore(score, 1), 10)))];

        Assert.Equal([0.5, 1.0, 2.0], difficulties);
    }

    [Fact]
    public void DifficultyIsScaledByConfidence()
    {
        var sure = KarmaCalculator.Difficulty(new CustomerKarma(KarmaScore.Unknown, new KarmaScore(1, 1), 10));
        var unsure = KarmaCalculator.Difficulty(new CustomerKarma(KarmaScore.Unknown, new KarmaScore(1, 0.25), 10));

        Assert.Equal(2.0, sure, precision: 9);
        Assert.Equal(0.5, unsure, precision: 9);
    }

    [Fact]
    public void RepeatedlyDifficultCustomerCountsAsDifficultForRouting()
    {
        var karma = KarmaCalculator.Of([Rated(Line.L2, temperament: 1), Rated(Line.L2, temperament: 1), Rated(Line.L2, temperament: 1)], Now, Policy);

        Assert.True(KarmaCalculator.Difficulty(karma) >= RoutingPolicy.Default.DifficultFrom);
        Assert.True(KarmaCalculator.Difficulty(karma) < 2);
    }

    /// <summary>A neutral rating given just now by a first-line rater of middling standing (weight 1).</summary>
    private static Rating Rated(Line line = Line.L1, double standing = 0.5, int literacy = 3, int temperament = 3, DateTimeOffset? at = null) =>
        new("rater", "contact", line, standing, literacy, temperament, at ?? Now);
}
