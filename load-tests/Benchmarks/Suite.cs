namespace Helpdesk.Benchmarks;

/// <summary>The benchmark suites one run can choose from.</summary>
internal enum Suite
{
    All,
    Calls,
    Writes,
    Routing,
    Contacts,
}
