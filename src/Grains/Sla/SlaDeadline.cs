namespace Helpdesk.Grains.Sla;

/// <summary>When one threshold of a status entry is crossed, as a wall-clock instant.</summary>
/// <param name="Degree">The degree it records.</param>
/// <param name="DueAt">The instant it is crossed.</param>
/// <param name="Action">What crossing it does.</param>
[GenerateSerializer, Alias("helpdesk.SlaDeadline")]
public sealed record SlaDeadline([property: Id(0)] SlaDegree Degree, [property: Id(1)] DateTimeOffset DueAt, [property: Id(2)] SlaAction Action);
