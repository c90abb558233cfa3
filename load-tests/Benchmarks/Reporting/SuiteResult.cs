namespace Helpdesk.Benchmarks.Reporting;

/// <summary>What one suite measured: its table rows, the notes a reader needs to trust them, and any table of the single measurements behind the rows.</summary>
internal sealed record SuiteResult(IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Notes, IReadOnlyList<SuiteDetail>? Details = null);
