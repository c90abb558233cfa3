namespace Helpdesk.Benchmarks.Reporting;

/// <summary>What one suite measured: its table rows and the notes a reader needs to trust them.</summary>
internal sealed record SuiteResult(IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Notes);
