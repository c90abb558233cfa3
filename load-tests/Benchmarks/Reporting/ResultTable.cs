using System.Text;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.Benchmarks.Reporting;

/// <summary>Renders the rows of every suite that ran as a table for the console and as markdown for the report, then their notes and detail tables.</summary>
internal sealed class ResultTable(IReadOnlyList<SuiteResult> suites)
{
    private static readonly string[] Header = ["benchmark", "ours", "ceiling", "ratio", "target", "met?"];

    public string ToText()
    {
        var text = new StringBuilder(Rows().ToText());
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
        var text = new StringBuilder(Rows().ToMarkdown());
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

    private TextTable Rows()
    {
        var table = new TextTable(Header, [false, true, true, true, true, true]);
        foreach (var row in suites.SelectMany(suite => suite.Rows))
        {
            table.Add(row.Benchmark, row.Ours, row.Ceiling, row.Ratio, row.Target, row.Met switch { true => "yes", false => "NO", null => "" });
        }

        return table;
    }

    private void AppendNotes(StringBuilder text)
    {
        text.AppendLine();
        foreach (var note in suites.SelectMany(suite => suite.Notes))
        {
            text.AppendLine($"- {note}");
        }
    }
}
