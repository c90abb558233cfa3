using Helpdesk.Grains.Routing;

namespace Helpdesk.Simulator.Engine;

/// <summary>One contact on its way through the center.</summary>
internal sealed class SimContact(SimDepartment department, SimCustomer customer, double arrivedAt, bool measured, bool needsSpecialist)
{
    public SimDepartment Department => department;

    public SimCustomer Customer => customer;

    /// <summary>When the customer reached the center, in seconds from the start.</summary>
    public double ArrivedAt => arrivedAt;

    /// <summary>Whether it arrived after the warm-up, so it counts in the figures.</summary>
    public bool Measured => measured;

    /// <summary>Whether only a specialist can solve it.</summary>
    public bool NeedsSpecialist => needsSpecialist;

    /// <summary>How the department routes it now; replaced when it moves on to the next line.</summary>
    public required WaitingContact Routing { get; set; }

    /// <summary>Whether an operator has answered it.</summary>
    public bool Answered { get; set; }

    /// <summary>Whether it is over: solved or given up.</summary>
    public bool Done { get; set; }

    /// <summary>When the current conversation began, in seconds from the start.</summary>
    public double ServiceStartedAt { get; set; }

    /// <summary>The operator time it has taken so far, in seconds.</summary>
    public double OperatorSeconds { get; set; }

    public Line Line => Routing.Line;
}
