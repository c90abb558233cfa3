using Orleans.Concurrency;

namespace Helpdesk.Grains.Reports;

/// <summary>One operator's KPI counters for one UTC month; key <c>{operator}:{yyyy-MM}</c>.</summary>
/// <remarks>
/// It owns the rejected-solutions KPI: when the share crosses <see cref="KpiPolicy.MaxRejectedShare"/> it alerts
/// supervisors once, and it tells the operator grain whenever "meets KPI" changes, which routing rewards with calm customers.
/// </remarks>
[Alias("helpdesk.IOperatorMonthGrain")]
public interface IOperatorMonthGrain : IGrainWithStringKey
{
    /// <summary>Counts a fact of this operator and month.</summary>
    [OneWay]
    [Alias("RecordAsync")]
    Task RecordAsync(ContactFact fact);

    /// <summary>The month's counters.</summary>
    [Alias("GetAsync")]
    Task<OperatorMonth> GetAsync();
}
