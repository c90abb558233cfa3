using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Engine;

/// <summary>One department: its queue, the operators serving it, and its live load meter, the silos' own.</summary>
internal sealed class SimDepartment(DepartmentSpec spec, DepartmentTimes times)
{
    public string Id => spec.Id;

    public DepartmentSpec Spec => spec;

    /// <summary>Its handle time, patience and answer target.</summary>
    public DepartmentTimes Times => times;

    /// <summary>The contacts waiting, by id, in the order they joined.</summary>
    public OrderedDictionary<string, SimContact> Queue { get; } = new(StringComparer.Ordinal);

    public List<SimOperator> Members { get; } = [];

    public LoadMeter Meter { get; } = new(times.Target);

    public Tally Tally { get; } = new();

    public string? LastAssigned { get; set; }

    /// <summary>The queue's length at the balancer's last look.</summary>
    public int LastQueueLength { get; set; }

    /// <summary>The load step arrivals now follow.</summary>
    public int Step { get; set; }

    /// <summary>The next arrival, as it was drawn; a change of load step draws it anew.</summary>
    public long ArrivalTicket { get; set; }

    public IEnumerable<WaitingContact> Waiting => Queue.Values.Select(contact => contact.Routing);

    public IReadOnlyList<MemberView> Views => [.. Members.Select(member => member.View)];
}
