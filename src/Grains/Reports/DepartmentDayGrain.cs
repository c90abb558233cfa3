using Helpdesk.Grains.Common;
using Helpdesk.Grains.Sla;
using Helpdesk.Grains.Supervision;

namespace Helpdesk.Grains.Reports;

/// <summary>Adds up one department's facts and SLA violations for one UTC day.</summary>
[GrainType("departmentday")]
internal sealed class DepartmentDayGrain([PersistentState("day")] IPersistentState<DepartmentDayState> state) : Grain, IDepartmentDayGrain
{
    private DepartmentDayState S => state.State;

    private DayCounters Counters
    {
        get
        {
            if (S.Counters is null)
            {
                var (department, day) = ReportKeys.ParseDepartmentDay(this.GetPrimaryKeyString());
                return DayCounters.Empty(department, day);
            }

            return S.Counters;
        }
    }

    public async Task RecordAsync(ContactFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        S.Counters = ReportCounters.Apply(Counters, fact);
        await state.SaveAsync(DeactivateOnIdle);
    }

    public async Task<bool> AddViolationAsync(SlaViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (S.Violations.Exists(known => known.Id == violation.Id))
        {
            return false;
        }

        S.Violations.Add(violation);
        S.Counters = ReportCounters.Count(Counters, violation);
        await state.SaveAsync(DeactivateOnIdle);
        if (violation.OperatorId is { } operatorId)
        {
            var charged = new ContactFact(FactKind.Violation, violation.At, violation.Department, violation.ContactId, OperatorId: operatorId);
            _ = GrainFactory.GetGrain<IOperatorMonthGrain>(ReportKeys.OperatorMonth(operatorId, violation.At)).RecordAsync(charged);
        }

        var notice = new SupervisorNotice(0, "sla-violation", violation.At, ReportCounters.ViolationLine(violation), violation, violation.OperatorId, violation.Department);
        _ = GrainFactory.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center).PublishAsync(notice);
        return true;
    }

    public Task<DayCounters> GetAsync() => Task.FromResult(Counters);

    public Task<IReadOnlyList<SlaViolation>> ViolationsAsync() =>
        Task.FromResult<IReadOnlyList<SlaViolation>>([.. S.Violations.OrderBy(violation => violation.At)]);
}
