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
public sealed record SlaViolation(
    string Id,
    string ContactId,
    ContactStatus Status,
    SlaDegree Degree,
    string? OperatorId,
    string Department,
    DateTimeOffset At,
    DateTimeOffset EnteredAt,
    SlaAction Action);
