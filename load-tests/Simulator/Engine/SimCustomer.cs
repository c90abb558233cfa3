using Helpdesk.Grains.Karma;

namespace Helpdesk.Simulator.Engine;

/// <summary>A customer with the karma their ratings earned.</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Karma">Their karma, from <see cref="KarmaCalculator"/>.</param>
/// <param name="Literate">Whether they really are literate, rated or not.</param>
internal sealed record SimCustomer(string Id, CustomerKarma Karma, bool Literate);
