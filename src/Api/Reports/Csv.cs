using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Api.Reports;

/// <summary>Writes report tables as one CSV table (RFC 4180): a header row, CRLF line ends, fields quoted when they must be.</summary>
/// <remarks>
/// Several tables become one: a leading <c>section</c> column names each row's table, and the header holds every table's
/// key columns, then every value column, a row leaving the others empty. Cells read as JSON does: enums in snake_case,
/// dates <c>yyyy-MM-dd</c>, instants ISO 8601, numbers with a dot. Text that a spreadsheet would run as a formula
/// (starting with <c>= + - @</c>, a tab or a CR) gets a leading <c>'</c>, since topics and the like come from customers.
/// </remarks>
internal static class Csv
{
    /// <summary>The media type of the answer.</summary>
    public const string MediaType = "text/csv";

    /// <summary>The content type of the answer, with its charset.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private const string Section = "section";

    /// <summary>The tables as CSV text.</summary>
    public static string Write(IReadOnlyList<CsvTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sectioned = tables.Count > 1;
        List<string> columns =
        [
            .. sectioned ? [Section] : Array.Empty<string>(),
            .. tables.SelectMany(table => table.Keys).Distinct(StringComparer.Ordinal),
            .. tables.SelectMany(table => table.Values).Distinct(StringComparer.Ordinal),
        ];
        var text = new StringBuilder();
        WriteLine(text, columns);
        foreach (var table in tables)
        {
            List<string> own = [.. table.Keys, .. table.Values];
            foreach (var row in table.Rows)
            {
                WriteLine(text, columns.Select(column => column == Section && sectioned
                    ? table.Section
                    : own.IndexOf(column) is var at and >= 0 ? row[at] : null));
            }
        }

        return text.ToString();
    }

    private static void WriteLine(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Field));
        text.Append("\r\n");
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        string text => Quoted(Defused(text)),
        bool flag => flag ? "true" : "false",
        Enum name => JsonNamingPolicy.SnakeCaseLower.ConvertName(name.ToString()),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quoted(Defused(value.ToString() ?? "")),
    };

    private static string Defused(string text) => text is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + text : text;

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
