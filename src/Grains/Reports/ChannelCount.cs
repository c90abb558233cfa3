using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Reports;

/// <summary>Tickets of one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Created">Tickets that arrived on it.</param>
/// <param name="Closed">Tickets of it that closed.</param>
[GenerateSerializer, Alias("helpdesk.ChannelCount")]
public sealed record ChannelCount([property: Id(0)] Channel Channel, [property: Id(1)] int Created, [property: Id(2)] int Closed);
