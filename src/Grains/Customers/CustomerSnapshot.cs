using Helpdesk.Grains.Karma;

namespace Helpdesk.Grains.Customers;

/// <summary>A customer as the API shows them.</summary>
/// <param name="Id">Their id (account, phone or e-mail).</param>
/// <param name="Karma">Literacy and temperament with confidence.</param>
/// <param name="Literate">Whether they skip the first line.</param>
/// <param name="Calm">Whether they count as calm.</param>
/// <param name="Difficulty">The difficulty weight their contacts carry.</param>
/// <param name="LastAgent">The operator who last served them.</param>
/// <param name="OpenContacts">Their contacts not yet completed.</param>
/// <param name="Exclusions">Operators never to route them to.</param>
/// <param name="Ratings">Every rating, for audit.</param>
public sealed record CustomerSnapshot(
    string Id,
    CustomerKarma Karma,
    bool Literate,
    bool Calm,
    double Difficulty,
    string? LastAgent,
    IReadOnlyList<string> OpenContacts,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<Rating> Ratings);
