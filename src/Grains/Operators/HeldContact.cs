using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>A contact an operator holds: offered and not yet answered, or accepted and in progress.</summary>
/// <param name="Offer">The offer it came with.</param>
/// <param name="Accepted">Whether the operator accepted it.</param>
/// <param name="Since">When it was offered, or accepted.</param>
[GenerateSerializer, Alias("helpdesk.HeldContact")]
public sealed record HeldContact([property: Id(0)] Offer Offer, [property: Id(1)] bool Accepted, [property: Id(2)] DateTimeOffset Since)
{
    /// <summary>The contact's id.</summary>
    public string ContactId => Offer.ContactId;

    /// <summary>The contact's channel.</summary>
    public Channel Channel => Offer.Channel;
}
