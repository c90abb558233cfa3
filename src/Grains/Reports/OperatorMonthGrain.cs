using Helpdesk.Grains.Common;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Reports;

/// <summary>Adds up one operator's facts for one UTC month and judges their KPI on rejected solutions.</summary>
/// <remarks>
/// Only the current month speaks to the operator grain: a fact arriving late for a past month is counted but changes
/// nothing about routing now. The current month's first fact tells the operator where they stand, so a KPI missed
/// last month does not outlive it.
/// </remarks>
[GrainType("operatormonth")]
internal sealed class OperatorMonthGrain(
    [PersistentState("month")] IPersistentState<OperatorMonthState> state,
    KpiPolicy policy,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IOperatorMonthGrain
{
    private OperatorMonth Month
    {
        get
        {
            if (state.State.Month is null)
            {
                var (operatorId, month) = ReportKeys.ParseOperatorMonth(this.GetPrimaryKeyString());
                return OperatorMonth.Empty(operatorId, month);
            }

            return state.State.Month;
        }
    }

    public async Task RecordAsync(ContactFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var first = state.State.Month is null;
        var before = Month;
        var after = ReportCounters.Apply(before, fact, policy);
        state.State.Month = after;
        await state.SaveAsync(DeactivateOnIdle);

        if ((first || after.MeetsKpi != before.MeetsKpi) && after.Month == ReportKeys.MonthOf(time.GetUtcNow()))
        {
            _ = GrainFactory.GetGrain<IOperatorGrain>(after.OperatorId).KpiChangedAsync(after.MeetsKpi);
        }

        if (after.Alerted && !before.Alerted)
        {
            var notice = new SupervisorNotice(0, "kpi-alert", fact.At, ReportCounters.KpiAlert(after, policy), OperatorId: after.OperatorId, Department: fact.Department);
            _ = GrainFactory.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center).PublishAsync(notice);
        }
    }

    public Task<OperatorMonth> GetAsync() => Task.FromResult(Month);
}
