namespace Helpdesk.Simulator.Engine;

/// <summary>What happens at a moment of virtual time.</summary>
internal enum EventKind
{
    /// <summary>A contact arrives at a department.</summary>
    Arrival,

    /// <summary>A department's offered load changes.</summary>
    LoadStep,

    /// <summary>A waiting customer's patience runs out.</summary>
    Patience,

    /// <summary>An operator ends a conversation.</summary>
    Finish,

    /// <summary>The balancer looks at the departments.</summary>
    BalancerRound,

    /// <summary>A new shift begins.</summary>
    Shift,
}
