namespace Helpdesk.Grains.Reports;

/// <summary>Tickets of one topic: a request reason.</summary>
/// <param name="Category">The topic's category, if it has one.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Created">Tickets that arrived with it.</param>
/// <param name="Closed">Tickets with it that closed.</param>
[GenerateSerializer, Alias("helpdesk.TopicCount")]
public sealed record TopicCount(
    [property: Id(0)] string? Category,
    [property: Id(1)] string Topic,
    [property: Id(2)] int Created,
    [property: Id(3)] int Closed);
