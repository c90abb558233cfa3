namespace Helpdesk.Grains.Routing;

/// <summary>A contact as a department routes it: who may take it and how urgent it is.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Priority">1 (low) to 5 (urgent).</param>
/// <param name="Line">The line it is meant for.</param>
/// <param name="MaxLine">The highest line that may take it (grows with a next-line escalation).</param>
/// <param name="Skill">The skill it needs, if any.</param>
/// <param name="MinProficiency">The least proficiency in <paramref name="Skill"/>.</param>
/// <param name="Difficulty">The customer's difficulty weight (0 = calm … 2 = very difficult).</param>
/// <param name="Calm">Whether the customer is known to be calm.</param>
/// <param name="LastAgent">The operator who last served the customer, for affinity.</param>
/// <param name="Excluded">Operators who must not get it: the customer's exclusions and those who declined it.</param>
/// <param name="RequiredOperator">The one operator it was transferred to, if any.</param>
/// <param name="ArrivedAt">When the customer first reached the center: priority ages and affinity runs from here.</param>
/// <param name="EnteredAt">When it entered this department's queue: escalation steps count from here.</param>
/// <param name="EscalationsApplied">How many of this department's escalation steps it has taken.</param>
[GenerateSerializer, Alias("helpdesk.WaitingContact")]
public sealed record WaitingContact(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] int Priority,
    [property: Id(4)] Line Line,
    [property: Id(5)] Line MaxLine,
    [property: Id(6)] string? Skill,
    [property: Id(7)] int MinProficiency,
    [property: Id(8)] double Difficulty,
    [property: Id(9)] bool Calm,
    [property: Id(10)] string? LastAgent,
    [property: Id(11)] IReadOnlyCollection<string> Excluded,
    [property: Id(12)] string? RequiredOperator,
    [property: Id(13)] DateTimeOffset ArrivedAt,
    [property: Id(14)] DateTimeOffset EnteredAt,
    [property: Id(15)] int EscalationsApplied = 0)
{
    /// <summary>Whether the customer counts as difficult under <paramref name="policy"/>.</summary>
    public bool IsDifficult(RoutingPolicy policy) => Difficulty >= policy.DifficultFrom;

    /// <summary>Whether operators of <paramref name="line"/> may take it.</summary>
    public bool Admits(Line line) => line >= Line && line <= MaxLine;
}
