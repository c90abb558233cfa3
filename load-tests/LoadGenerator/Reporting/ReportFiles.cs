using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>Writes a run's report and chart, or a suite's, beside the project whatever the working directory: <c>load-tests/LoadGenerator/reports/</c>.</summary>
internal static class ReportFiles
{
    private const string ProjectFile = "Helpdesk.LoadGenerator.csproj";
    private const string SuiteReport = "http";

    /// <summary>Writes <c>NAME.md</c> and <c>NAME.svg</c> for one run; returns the markdown's path.</summary>
    public static string WriteRun(RunResult result, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(result);
        var folder = Folder(result.Options);
        var chart = $"{result.Options.Report}.svg";
        WriteChart(result, Path.Combine(folder, chart));
        var text = new StringBuilder();
        text.AppendLine("# HTTP load test");
        text.AppendLine();
        text.AppendLine(Header(args));
        text.AppendLine();
        text.Append(RunReport.SettingsTable(result.Options).ToMarkdown());
        text.AppendLine();
        text.Append(RunReport.ToMarkdown(result, 2, chart));
        var path = Path.Combine(folder, $"{result.Options.Report}.md");
        File.WriteAllText(path, text.ToString().TrimEnd() + Environment.NewLine);
        return path;
    }

    /// <summary>Writes <c>http.md</c> with every run of the suite and a chart per run; returns the markdown's path.</summary>
    public static string WriteSuite(IReadOnlyList<RunResult> results, LoadOptions options, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Folder(options);
        var text = new StringBuilder();
        text.AppendLine("# HTTP load test: one silo and three");
        text.AppendLine();
        text.AppendLine(Header(args));
        text.AppendLine();
        text.AppendLine("Each run starts its own silos from the build of `src/Silo` on 127.0.0.1 (PostgreSQL: one throwaway durable server, a schema per run), creates the center through the API, lets contacts arrive, lets the contacts in hand settle, reads every contact back, and stops the silos. The generator balances its requests over the silos itself and retries failures on the next one; it runs on the same machine as the silos and PostgreSQL.");
        text.AppendLine();
        text.Append(RunReport.SettingsTable(options).ToMarkdown());
        text.AppendLine();
        text.Append(SummaryTable(results).ToMarkdown());
        text.AppendLine();
        text.AppendLine("*contacts/s*: creations acknowledged per second of arrivals; *requests/s*: every call of the load (entry, create, accept, status moves, ratings) over the arrivals and the settling; *failed*: 5xx or no answer, each retried on the next silo; *open*: queued, offered, held or awaiting the customer when the run ended; *failover*: from the fault (a silo killed, paused or stopped, PostgreSQL restarted) to the last request that failed at the silos left; *findings*: offers announced twice, stale holds, contacts held by nobody and contacts handled twice, which lose no contact and never have two operators hold one (each run's section lists them).");
        text.AppendLine();
        foreach (var result in results)
        {
            var chart = $"{SuiteReport}-{result.Scenario}.svg";
            WriteChart(result, Path.Combine(folder, chart));
            text.Append(RunReport.ToMarkdown(result, 2, chart));
        }

        var path = Path.Combine(folder, $"{SuiteReport}.md");
        File.WriteAllText(path, text.ToString().TrimEnd() + Environment.NewLine);
        return path;
    }

    /// <summary>The suite's runs side by side.</summary>
    public static TextTable SummaryTable(IReadOnlyList<RunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new TextTable(
            ["run", "contacts/s", "requests/s", "failed", "POST /api/contacts p50 / p99 ms", "every call p50 / p99 ms", "closed", "open", "abandoned", "missing", "failover", "invariant", "findings"],
            [false, true, true, true, true, true, true, true, true, true, true, false, true]);
        foreach (var result in results)
        {
            var accounting = result.Accounting;
            var load = result.Endpoints.Where(endpoint => Endpoints.InLoad(endpoint.Endpoint)).ToList();
            var create = result.Endpoint(Endpoints.CreateContact);
            var open = accounting.Count(Accounting.ContactClass.Queued) + accounting.Count(Accounting.ContactClass.Offered)
                + accounting.Count(Accounting.ContactClass.InProgress) + accounting.Count(Accounting.ContactClass.AwaitingCustomer) + accounting.Count(Accounting.ContactClass.Other);
            table.Add(
                result.Options.Describe(),
                Figures.Rate(result.ContactsPerSecond),
                Figures.Rate(load.Sum(endpoint => endpoint.Requests) / (result.Arrivals.Elapsed + result.Drain).TotalSeconds),
                Figures.Count(load.Sum(endpoint => endpoint.Failed)),
                $"{Figures.Millis(create?.Latency.P50 ?? double.NaN)} / {Figures.Millis(create?.Latency.P99 ?? double.NaN)}",
                $"{Figures.Millis(result.Overall.P50)} / {Figures.Millis(result.Overall.P99)}",
                Figures.Count(accounting.Count(Accounting.ContactClass.Closed)),
                Figures.Count(open),
                Figures.Count(accounting.Count(Accounting.ContactClass.Abandoned)),
                Figures.Count(accounting.Missing.Count),
                result.Failover is { } failover ? Figures.Seconds(failover.FailoverTime) : "–",
                accounting.Holds ? "holds" : $"**violated ({accounting.Violations})**",
                Figures.Count(accounting.Findings));
        }

        return table;
    }

    private static void WriteChart(RunResult result, string path)
    {
        var title = $"{result.Options.Describe()}: {result.Options.Rate:0.##} contacts/s asked, {result.ContactsPerSecond:0.#}/s acknowledged";
        File.WriteAllText(path, RunChart.Render(title, result.Seconds, result.Arrivals.Elapsed, result.Failover?.KilledAt, result.Failover?.FailoverTime));
    }

    private static string Header(IReadOnlyList<string> args) =>
        $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (shared with the silos and PostgreSQL), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC in the generator."
        + Environment.NewLine + Environment.NewLine
        + $"Command: `dotnet run -c Release --project load-tests/LoadGenerator{(args.Count > 0 ? " -- " + string.Join(' ', args) : "")}`";

    /// <summary>The folder reports (and the logs of the silos a run started) go to, created when missing.</summary>
    public static string Folder(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ReportDirectory is { } folder ? Directory.CreateDirectory(folder).FullName : ProjectFolder.Reports(ProjectFile);
    }
}
