namespace Helpdesk.Grains.Reports;

/// <summary>Customers' ratings in a period.</summary>
/// <param name="Count">How many.</param>
/// <param name="AverageScore">Their mean 1–5 score, to 0.01; <see langword="null"/> without ratings.</param>
/// <param name="Likes">How many liked it.</param>
/// <param name="Dislikes">How many did not.</param>
public sealed record RatingSummary(int Count, double? AverageScore, int Likes, int Dislikes);
