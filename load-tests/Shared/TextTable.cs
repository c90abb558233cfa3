using System.Text;
using Spectre.Console;

namespace Helpdesk.LoadTests.Shared;

/// <summary>A table of text cells: drawn by Spectre.Console for the console, written as a markdown table for a report.</summary>
/// <remarks>The console text carries no colour or cursor codes and is as wide as its cells, so a CI log keeps it as a terminal shows it.</remarks>
/// <param name="headers">Column headers.</param>
/// <param name="rightAligned">Which columns hold numbers, aligned right; none when absent.</param>
public sealed class TextTable(IReadOnlyList<string> headers, IReadOnlyList<bool>? rightAligned = null)
{
    /// <summary>Wide enough for any table the tools print; a redirected console would otherwise wrap cells at 80 columns.</summary>
    private const int ConsoleWidth = 400;

    private readonly List<string[]> _rows = [];

    /// <summary>A table whose columns are all aligned left.</summary>
    /// <param name="headers">Column headers.</param>
    public TextTable(params string[] headers)
        : this((IReadOnlyList<string>)headers)
    {
    }

    /// <summary>Adds a row, one cell per header.</summary>
    /// <param name="cells">The row's cells.</param>
    public TextTable Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"A row needs {headers.Count} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The table drawn for the console, ending with a new line.</summary>
    public string ToText()
    {
        var table = new Table().Border(TableBorder.Simple);
        for (var i = 0; i < headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(headers[i])) { NoWrap = true };
            table.AddColumn(RightAligned(i) ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = ConsoleWidth;
        console.Write(table);
        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).SkipWhile(line => line.Length == 0);
        return string.Join(Environment.NewLine, lines).TrimEnd() + Environment.NewLine;
    }

    /// <summary>The table in markdown, a <c>|</c> in a cell escaped, ending with a new line.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"| {string.Join(" | ", headers)} |");
        text.AppendLine($"| {string.Join(" | ", headers.Select((_, i) => RightAligned(i) ? "---:" : "---"))} |");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))} |");
        }

        return text.ToString();
    }

    private bool RightAligned(int column) => rightAligned is not null && rightAligned[column];
}
