using Helpdesk.LoadTests.Shared;

namespace Helpdesk.Benchmarks.Reporting;

/// <summary>A table a suite shows below the result table, such as every kill of the failover suite, under its own title.</summary>
internal sealed record SuiteDetail(string Title, TextTable Table);
