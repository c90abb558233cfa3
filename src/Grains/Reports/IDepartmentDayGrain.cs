using Helpdesk.Grains.Sla;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Reports;

/// <summary>One department's counters and SLA violations for one UTC day; key <c>{department}:{yyyy-MM-dd}</c>.</summary>
[Alias("helpdesk.IDepartmentDayGrain")]
public interface IDepartmentDayGrain : IGrainWithStringKey
{
    /// <summary>Counts a fact of this department and day.</summary>
    [OneWay]
    [Alias("RecordAsync")]
    Task RecordAsync(ContactFact fact);

    /// <summary>Records a violation once; <see langword="false"/> when its id was recorded before. A new one is counted and told to supervisors.</summary>
    [Alias("AddViolationAsync")]
    Task<bool> AddViolationAsync(SlaViolation violation);

    /// <summary>The day's counters.</summary>
    [Alias("GetAsync")]
    Task<DayCounters> GetAsync();

    /// <summary>The day's violations, in the order they were crossed.</summary>
    [Alias("ViolationsAsync")]
    Task<IReadOnlyList<SlaViolation>> ViolationsAsync();
}
