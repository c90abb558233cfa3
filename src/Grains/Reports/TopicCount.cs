namespace Helpdesk.Grains.Reports;

/// <summary>Tickets of one topic: a request reason.</summary>
/// <param name="Category">The topic's category, if it has one.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Created">Tickets that arrived with it.</param>
/// <param name="Closed">Tickets with it that closed.</param>
public sealed record TopicCount(string? Category, string Topic, int Created, int Closed);
