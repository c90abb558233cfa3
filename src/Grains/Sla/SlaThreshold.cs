namespace Helpdesk.Grains.Sla;

/// <summary>One threshold of an SLA rule.</summary>
/// <param name="Degree">The degree of violation it records.</param>
/// <param name="After">How long after entering the status it is crossed, in the policy's time (working or wall).</param>
/// <param name="Action">What crossing it does.</param>
public sealed record SlaThreshold(SlaDegree Degree, TimeSpan After, SlaAction Action);
