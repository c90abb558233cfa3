namespace Helpdesk.Simulator.Reporting;

/// <summary>A table printed to the console with aligned columns, or written as markdown.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string ToConsole()
    {
        var widths = headers.Select((header, i) => _rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd();
        return string.Join(Environment.NewLine, [Line(headers), Line([.. widths.Select(width => new string('-', width))]), .. _rows.Select(Line)]);
    }

    public string ToMarkdown() =>
        string.Join('\n', [$"| {string.Join(" | ", headers)} |", $"|{string.Concat(headers.Select(_ => " --- |"))}", .. _rows.Select(row => $"| {string.Join(" | ", row)} |")]);
}
