using System.Text;

namespace Helpdesk.Benchmarks.Reporting;

/// <summary>Renders the rows of every suite that ran as aligned text for the console and as markdown for the report, then their notes and detail tables.</summary>
internal sealed class ResultTable(IReadOnlyList<SuiteResult> suites)
{
    private static readonly string[] Header = ["benchmark", "ours", "ceiling", "ratio", "target", "met?"];

    public string ToText()
    {
        var lines = Lines();
        var widths = Enumerable.Range(0, Header.Length).Select(column => lines.Max(line => line[column].Length)).ToArray();
        var text = new StringBuilder();
        AppendAligned(text, Header, widths);
        text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var line in lines.Skip(1))
        {
            AppendAligned(text, line, widths);
        }

        AppendNotes(text);
        foreach (var detail in Details())
        {
            text.AppendLine();
            text.AppendLine($"{detail.Title}:");
            text.Append(detail.Table.ToText());
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"| {string.Join(" | ", Header)} |");
        text.AppendLine($"|{string.Join("|", Header.Select((_, column) => column == 0 ? " --- " : " ---: "))}|");
        foreach (var line in Lines().Skip(1))
        {
            text.AppendLine($"| {string.Join(" | ", line)} |");
        }

        AppendNotes(text);
        foreach (var detail in Details())
        {
            text.AppendLine();
            text.AppendLine($"## {detail.Title}");
            text.AppendLine();
            text.Append(detail.Table.ToMarkdown());
        }

        return text.ToString();
    }

    private IEnumerable<SuiteDetail> Details() => suites.SelectMany(suite => suite.Details ?? []);

    private List<string[]> Lines() =>
    [
        Header,
        .. suites.SelectMany(suite => suite.Rows).Select(row => new[]
        {
            row.Benchmark, row.Ours, row.Ceiling, row.Ratio, row.Target,
            row.Met switch { true => "yes", false => "NO", null => "" },
        }),
    ];

    private void AppendNotes(StringBuilder text)
    {
        text.AppendLine();
        foreach (var note in suites.SelectMany(suite => suite.Notes))
        {
            text.AppendLine($"- {note}");
        }
    }

    private static void AppendAligned(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine(string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
}
