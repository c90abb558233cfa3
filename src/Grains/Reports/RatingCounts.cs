namespace Helpdesk.Grains.Reports;

/// <summary>Customers' ratings, added up.</summary>
/// <param name="Count">How many ratings.</param>
/// <param name="ScoreSum">Their 1–5 scores, summed.</param>
/// <param name="Likes">How many said they liked it.</param>
/// <param name="Dislikes">How many said they did not; a rating may say neither.</param>
[GenerateSerializer, Alias("helpdesk.RatingCounts")]
public sealed record RatingCounts(
    [property: Id(0)] int Count,
    [property: Id(1)] int ScoreSum,
    [property: Id(2)] int Likes,
    [property: Id(3)] int Dislikes)
{
    /// <summary>No ratings.</summary>
    public static RatingCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>The mean score, or <see langword="null"/> without ratings.</summary>
    public double? AverageScore => Count == 0 ? null : (double)ScoreSum / Count;

    /// <summary>These ratings and one more.</summary>
    public RatingCounts Add(int score, bool? like) =>
        new(Count + 1, ScoreSum + score, Likes + (like == true ? 1 : 0), Dislikes + (like == false ? 1 : 0));

    /// <summary>These ratings and <paramref name="other"/>'s.</summary>
    public RatingCounts Plus(RatingCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Count + other.Count, ScoreSum + other.ScoreSum, Likes + other.Likes, Dislikes + other.Dislikes);
    }
}
