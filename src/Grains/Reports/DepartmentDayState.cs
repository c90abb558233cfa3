using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Reports;

/// <summary>What a department day grain stores.</summary>
internal sealed class DepartmentDayState
{
    /// <summary>The day's counters; <see langword="null"/> until the first fact or violation.</summary>
    public DayCounters? Counters { get; set; }

    /// <summary>Every violation recorded, in the order they arrived; their ids make a repeat a no-op.</summary>
    public List<SlaViolation> Violations { get; set; } = [];
}
