namespace Helpdesk.Api.Reports;

/// <summary>One table of a report for CSV: its key columns, its value columns and its rows, keys first.</summary>
/// <param name="Section">The table's name, in the <c>section</c> column when a report has several.</param>
/// <param name="Keys">The columns that say what a row is about.</param>
/// <param name="Values">The columns that count it.</param>
/// <param name="Rows">One array per row: the keys' cells, then the values'.</param>
internal sealed record CsvTable(string Section, IReadOnlyList<string> Keys, IReadOnlyList<string> Values, IReadOnlyList<object?[]> Rows);
