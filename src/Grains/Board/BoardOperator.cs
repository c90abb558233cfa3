using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Board;

/// <summary>An operator's row on the supervisors' board.</summary>
/// <param name="Id">The operator.</param>
/// <param name="Name">Their name.</param>
/// <param name="Line">Their line.</param>
/// <param name="Departments">The departments they may serve, their home first.</param>
/// <param name="Loan">The department they are lent to, if any.</param>
/// <param name="Presence">Their presence now.</param>
/// <param name="PresenceSince">Since when they have shown that presence.</param>
/// <param name="Contacts">What they hold: offers and contacts in progress.</param>
/// <param name="DifficultyLoad">The temperament-weighted load of this shift.</param>
/// <param name="MeetsKpi">Whether they meet their KPI this month.</param>
/// <param name="MissedOffers">Offers they let time out.</param>
/// <param name="RetiredAt">When they were retired, if they were.</param>
/// <param name="Version">The board's version at which the row last changed.</param>
[GenerateSerializer, Alias("helpdesk.BoardOperator")]
public sealed record BoardOperator(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Line Line,
    [property: Id(3)] IReadOnlyList<string> Departments,
    [property: Id(4)] Loan? Loan,
    [property: Id(5)] Presence Presence,
    [property: Id(6)] DateTimeOffset PresenceSince,
    [property: Id(7)] IReadOnlyList<BoardHold> Contacts,
    [property: Id(8)] double DifficultyLoad,
    [property: Id(9)] bool MeetsKpi,
    [property: Id(10)] int MissedOffers,
    [property: Id(11)] DateTimeOffset? RetiredAt,
    [property: Id(12)] long Version = 0);

/// <summary>A contact an operator holds, as the board lists it.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Accepted">Whether it was accepted (else it is an offer not yet answered).</param>
/// <param name="Since">When it was offered, or accepted.</param>
[GenerateSerializer, Alias("helpdesk.BoardHold")]
public sealed record BoardHold([property: Id(0)] string ContactId, [property: Id(1)] Channel Channel, [property: Id(2)] bool Accepted, [property: Id(3)] DateTimeOffset Since);
