namespace Helpdesk.Grains.Sla;

/// <summary>How far past its time a status has stayed: each threshold of an SLA rule is one degree.</summary>
public enum SlaDegree
{
    /// <summary>The first threshold: a heads-up.</summary>
    Warning = 1,

    /// <summary>The second threshold: the SLA is broken.</summary>
    Violation = 2,

    /// <summary>The third threshold: broken badly.</summary>
    Critical = 3,
}
