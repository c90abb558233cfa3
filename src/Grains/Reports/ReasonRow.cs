namespace Helpdesk.Grains.Reports;

/// <summary>One of a category's most frequent request reasons.</summary>
/// <param name="Category">The category; <see langword="null"/> for topics without one.</param>
/// <param name="Rank">1 for the most frequent in its category; ties rank in ordinal order of topic.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Created">Tickets that arrived with it.</param>
public sealed record ReasonRow(string? Category, int Rank, string Topic, int Created);
