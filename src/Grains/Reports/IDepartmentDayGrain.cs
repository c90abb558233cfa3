using Helpdesk.Grains.Sla;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Reports;

/// <summary>One department's counters and SLA violations for one UTC day; key <c>{department}:{yyyy-MM-dd}</c>.</summary>
public interface IDepartmentDayGrain : IGrainWithStringKey
{
    /// <summary>Counts a fact of this department and day.</summary>
    [OneWay]
    Task RecordAsync(ContactFact fact);

    /// <summary>Records a violation once; <see langword="false"/> when its id was recorded before. A new one is counted and told to supervisors.</summary>
    Task<bool> AddViolationAsync(SlaViolation violation);

    /// <summary>The day's counters.</summary>
    Task<DayCounters> GetAsync();

    /// <summary>The day's violations, in the order they were crossed.</summary>
    Task<IReadOnlyList<SlaViolation>> ViolationsAsync();
}
