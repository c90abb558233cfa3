namespace Helpdesk.Simulator.Model;

/// <summary>Whose contacts each operator takes.</summary>
public enum Staffing
{
    /// <summary>Each operator serves their own department only.</summary>
    Dedicated,

    /// <summary>One queue for the whole center, first come first served: the ceiling no split staff reaches.</summary>
    Pooled,

    /// <summary>Each operator has two skills, their own department's first and the next one's, in a ring.</summary>
    Chained,

    /// <summary>Dedicated, with the balancer lending operators between departments as the silos do.</summary>
    Balancer,
}
