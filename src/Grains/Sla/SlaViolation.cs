using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Sla;

/// <summary>A threshold a ticket crossed: recorded once per ticket, status entry and degree.</summary>
/// <param name="Id">Unique per ticket, status entry and degree: <c>{contact}:{entry}:{degree}</c>.</param>
/// <param name="ContactId">The ticket.</param>
/// <param name="Status">The status it stayed in too long.</param>
/// <param name="Degree">How far past its time.</param>
/// <param name="OperatorId">The operator responsible then, if any.</param>
/// <param name="Department">The department responsible then.</param>
/// <param name="At">When the threshold was crossed (its due time, not when it was noticed).</param>
/// <param name="EnteredAt">When the ticket entered the status.</param>
/// <param name="Action">What crossing it did.</param>
[GenerateSerializer, Alias("helpdesk.SlaViolation")]
public sealed record SlaViolation(
    [property: Id(0)] string Id,
    [property: Id(1)] string ContactId,
    [property: Id(2)] ContactStatus Status,
    [property: Id(3)] SlaDegree Degree,
    [property: Id(4)] string? OperatorId,
    [property: Id(5)] string Department,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] DateTimeOffset EnteredAt,
    [property: Id(8)] SlaAction Action);
