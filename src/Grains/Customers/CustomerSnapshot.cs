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
[GenerateSerializer, Alias("helpdesk.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] CustomerKarma Karma,
    [property: Id(2)] bool Literate,
    [property: Id(3)] bool Calm,
    [property: Id(4)] double Difficulty,
    [property: Id(5)] string? LastAgent,
    [property: Id(6)] IReadOnlyList<string> OpenContacts,
    [property: Id(7)] IReadOnlyList<string> Exclusions,
    [property: Id(8)] IReadOnlyList<Rating> Ratings);
