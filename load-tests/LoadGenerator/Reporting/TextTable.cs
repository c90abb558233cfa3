using System.Text;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>A table of text cells, written as aligned plain text for the terminal or as a markdown table for the report.</summary>
/// <param name="headers">Column headers.</param>
/// <param name="rightAligned">Which columns hold numbers, aligned right.</param>
internal sealed class TextTable(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"A row needs {headers.Count} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public string ToText()
    {
        var widths = headers.Select((header, i) => _rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend([.. headers]))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => rightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"| {string.Join(" | ", headers)} |");
        text.AppendLine($"| {string.Join(" | ", rightAligned.Select(right => right ? "---:" : "---"))} |");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))} |");
        }

        return text.ToString();
    }
}
