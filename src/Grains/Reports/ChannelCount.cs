using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Reports;

/// <summary>Tickets of one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Created">Tickets that arrived on it.</param>
/// <param name="Closed">Tickets of it that closed.</param>
public sealed record ChannelCount(Channel Channel, int Created, int Closed);
