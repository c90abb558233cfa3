namespace Helpdesk.Benchmarks;

/// <summary>The benchmark suites one run can choose from; <see cref="All"/> runs every one but <see cref="Failover"/>.</summary>
internal enum Suite
{
    All,
    Calls,
    CrossSilo,
    Writes,
    Routing,
    Contacts,
    Boards,
    Failover,
}
