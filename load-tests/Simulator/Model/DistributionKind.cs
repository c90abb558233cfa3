namespace Helpdesk.Simulator.Model;

/// <summary>The shape of a <see cref="Distribution"/>.</summary>
public enum DistributionKind
{
    /// <summary>Memoryless: the queueing models' assumption.</summary>
    Exponential,

    /// <summary>Skewed to the right, as measured handle times are.</summary>
    Lognormal,

    /// <summary>Always the same.</summary>
    Fixed,
}
