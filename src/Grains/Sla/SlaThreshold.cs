namespace Helpdesk.Grains.Sla;

/// <summary>One threshold of an SLA rule.</summary>
/// <param name="Degree">The degree of violation it records.</param>
/// <param name="After">How long after entering the status it is crossed, in the policy's time (working or wall).</param>
/// <param name="Action">What crossing it does.</param>
[GenerateSerializer, Alias("helpdesk.SlaThreshold")]
public sealed record SlaThreshold([property: Id(0)] SlaDegree Degree, [property: Id(1)] TimeSpan After, [property: Id(2)] SlaAction Action);
