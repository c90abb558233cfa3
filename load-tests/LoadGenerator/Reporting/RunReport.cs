using System.Globalization;
using System.Text;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadTests.Shared;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>A run's figures as text: the terminal's summary and the report's section.</summary>
internal static class RunReport
{
    private static readonly (ContactClass Class, string Meaning)[] Classes =
    [
        (ContactClass.Closed, "closed: the customer confirmed the solution"),
        (ContactClass.Abandoned, "abandoned: the customer gave up waiting"),
        (ContactClass.Queued, "queued: waiting for an operator"),
        (ContactClass.Offered, "offered: an offer not answered yet"),
        (ContactClass.InProgress, "in progress: held by an operator"),
        (ContactClass.AwaitingCustomer, "solution proposed: the customer's confirmation not in yet"),
        (ContactClass.Other, "another status"),
        (ContactClass.NeverCreated, "never created: its creation was never acknowledged, and it does not exist"),
        (ContactClass.Unverified, "unreadable"),
        (ContactClass.Missing, "missing: acknowledged, yet not found"),
    ];

    /// <summary>What the terminal shows at the end of a run.</summary>
    public static string ToText(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Helpdesk HTTP load — {result.Options.Describe()} (run {result.RunId})");
        text.AppendLine(Summary(result));
        text.AppendLine();
        text.Append(EndpointTable(result).ToText());
        text.AppendLine();
        if (result.FailureReasons.Count > 0)
        {
            text.AppendLine($"failures: {FailureLine(result)}");
        }

        text.AppendLine($"contacts: {ContactLine(result.Accounting)}");
        text.AppendLine($"desktops: {DeskLine(result.Desks)}");
        if (result.Fault is not null)
        {
            text.AppendLine($"fault:    {FailoverLine(result)}");
            foreach (var finding in result.Fault.Findings)
            {
                text.AppendLine($"  FAULT FINDING: {finding}");
            }
        }

        text.AppendLine($"invariant: {Invariant(result.Accounting)}");
        foreach (var example in result.Accounting.Examples(5))
        {
            text.AppendLine($"  {example}");
        }

        text.AppendLine($"findings: {FindingsLine(result.Accounting)}");
        foreach (var example in result.Accounting.FindingExamples(3))
        {
            text.AppendLine($"  {example}");
        }

        if (result.NoteCount > 0)
        {
            text.AppendLine($"notes ({result.NoteCount}, first {Math.Min(result.NoteCount, 5)}):");
            foreach (var note in result.Notes.Take(5))
            {
                text.AppendLine($"  {note}");
            }
        }

        if (result.Accounting.Histories.Count > 0)
        {
            text.AppendLine($"histories of the contacts behind them (first {Math.Min(result.Accounting.Histories.Count, 3)} of {result.Accounting.Histories.Count}; all in the report):");
            foreach (var history in result.Accounting.Histories.Take(3))
            {
                text.AppendLine(history);
            }
        }

        return text.ToString();
    }

    /// <summary>The report's section of a run, its headings at <paramref name="level"/>, with its chart.</summary>
    public static string ToMarkdown(RunResult result, int level, string chartFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        var heading = new string('#', level);
        var text = new StringBuilder();
        text.AppendLine($"{heading} {result.Options.Describe()}");
        text.AppendLine();
        text.AppendLine($"Run `{result.RunId}`, started {result.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, against {result.Target}; load average {result.LoadAverage}.");
        text.AppendLine();
        text.AppendLine(Summary(result));
        text.AppendLine();
        text.AppendLine($"![Throughput and latency per second]({chartFile})");
        text.AppendLine();
        text.AppendLine($"{heading}# Every call");
        text.AppendLine();
        text.AppendLine("Latency from sending to the whole answer read, of the attempts answered (2xx and 4xx); a failure is a 5xx or no answer, and is retried on the next silo; *gave up* counts operations still failing when their retries ran out; *longest* is the longest an operation took, retries included.");
        text.AppendLine();
        text.Append(EndpointTable(result).ToMarkdown());
        text.AppendLine();
        if (result.FailureReasons.Count > 0)
        {
            text.AppendLine($"Failed attempts by reason: {FailureLine(result)}.");
            text.AppendLine();
        }

        text.AppendLine($"{heading}# Every contact");
        text.AppendLine();
        text.Append(ContactTable(result.Accounting).ToMarkdown());
        text.AppendLine();
        text.AppendLine($"Desktops: {DeskLine(result.Desks)}.");
        text.AppendLine();
        text.AppendLine($"**Invariant: {Invariant(result.Accounting)}.**");
        foreach (var example in result.Accounting.Examples(10))
        {
            text.AppendLine($"- {example}");
        }

        text.AppendLine();
        text.AppendLine($"Consistency findings (none loses a contact or has two operators hold one): {FindingsLine(result.Accounting)}.");
        foreach (var example in result.Accounting.FindingExamples(5))
        {
            text.AppendLine($"- {example}");
        }

        text.AppendLine();
        if (result.Fault is not null)
        {
            text.AppendLine($"{heading}# The fault");
            text.AppendLine();
            text.AppendLine(FailoverLine(result) + ".");
            foreach (var finding in result.Fault.Findings)
            {
                text.AppendLine($"- **Finding:** {finding}");
            }

            text.AppendLine();
        }

        if (result.NoteCount > 0)
        {
            text.AppendLine($"{heading}# Notes");
            text.AppendLine();
            text.AppendLine($"{Figures.Count(result.NoteCount, "thing")} went against expectation; the first {Math.Min(result.NoteCount, 10)}:");
            text.AppendLine();
            foreach (var note in result.Notes.Take(10))
            {
                text.AppendLine($"- {note}");
            }

            text.AppendLine();
        }

        if (result.Accounting.Histories.Count > 0)
        {
            text.AppendLine($"{heading}# Histories of the contacts behind the notes and breaches");
            text.AppendLine();
            text.AppendLine("```");
            text.AppendLine(string.Join(Environment.NewLine + Environment.NewLine, result.Accounting.Histories));
            text.AppendLine("```");
            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The settings of a run (or of every run of a suite), as a table.</summary>
    public static TextTable SettingsTable(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = new TextTable(["setting", "value"], [false, false]);
        table.Add("contacts per second (`--rate`)", options.Rate.ToString("0.##", CultureInfo.InvariantCulture));
        table.Add("arrivals for (`--duration`)", Figures.Seconds(options.Duration));
        table.Add("request budget (`--max-requests`)", Figures.Count(options.MaxRequests));
        table.Add("departments, operators, customers", $"{options.Departments}, {options.Operators}, {Figures.Count(options.Customers)}");
        table.Add("mean handle time (`--handle-time`, each ±50 %)", Figures.Seconds(options.HandleTime));
        table.Add("customers' patience (`--patience`)", options.Patience > TimeSpan.Zero ? Figures.Seconds(options.Patience) : "never give up");
        table.Add("seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        table.Add("settle limit after the arrivals", Figures.Seconds(options.DrainLimit));
        return table;
    }

    /// <summary>The invariant's verdict in a few words.</summary>
    public static string Invariant(AccountingResult accounting)
    {
        ArgumentNullException.ThrowIfNull(accounting);
        return accounting.Holds
            ? $"holds: all {Figures.Count(accounting.Acknowledged)} acknowledged contacts are accounted for, none was held by two operators at once, every acknowledged move stuck"
            : $"VIOLATED: {accounting.Missing.Count} missing, {accounting.Unverified.Count} unreadable, {accounting.DoubleAssignments.Count} held by two operators at once, {accounting.LostAcknowledgements.Count} acknowledged moves lost";
    }

    /// <summary>The consistency findings in a few words.</summary>
    public static string FindingsLine(AccountingResult accounting)
    {
        ArgumentNullException.ThrowIfNull(accounting);
        return accounting.Findings == 0
            ? $"none: every operator's holds match the contacts, no offer was announced twice, no contact was worked twice, each of the {Figures.Count(accounting.SlaDue.Count)} SLA thresholds crossed was recorded once"
            : $"{Figures.Count(accounting.ReannouncedOffers.Count, "offer")} announced again to the operator who had it, {Figures.Count(accounting.StaleHolds.Count, "stale hold")}, {Figures.Count(accounting.HeldByNobody.Count, "contact")} held by nobody, {Figures.Count(accounting.HandledTwice.Count, "contact")} handled twice, {Figures.Count(accounting.Sla.Count, "SLA threshold")} recorded wrongly";
    }

    public static string FailoverLine(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fault = result.Fault!;
        var failover = result.Failover!;
        var create = result.Endpoint(Endpoints.CreateContact);
        var gaveUp = result.Endpoints.Where(endpoint => endpoint.GaveUp > 0).Select(endpoint => $"{Figures.Count(endpoint.GaveUp)} × {endpoint.Endpoint}").ToList();
        var others = fault.Silo is null ? "the silos" : "the others";
        return $"{fault.Describe()} at {Figures.Seconds(failover.KilledAt)}"
            + string.Concat(fault.Events.Select(happened => $"; {happened}"))
            + $"; {Figures.Count(failover.FailedAfterKill)} requests failed after it"
            + (fault.Silo is null ? "" : $" ({Figures.Count(failover.FailedAtKilled)} at silo{fault.Silo + 1}, {Figures.Count(failover.FailedAtSurvivors)} at the others)")
            + $", {Figures.Count(failover.FailedBefore)} before; "
            + (failover.FailedAtSurvivors > 0
                ? $"failover {Figures.Seconds(failover.FailoverTime)}: from then on every request through {others} succeeded"
                : $"no request through {others} failed")
            + $"; {Figures.Count(result.SlaDueDuringFailover, "SLA threshold")} fell due from the fault to the end of its failover"
            + $"; the longest contact creation took {Figures.Seconds(create?.LongestOperation ?? TimeSpan.Zero)} with its retries; "
            + (gaveUp.Count == 0 ? "no operation gave up" : $"operations that gave up after their retries: {string.Join(", ", gaveUp)}");
    }

    private static string Summary(RunResult result)
    {
        var arrivals = result.Arrivals;
        var accounting = result.Accounting;
        var create = result.Endpoint(Endpoints.CreateContact);
        var load = result.Endpoints.Where(endpoint => Endpoints.InLoad(endpoint.Endpoint)).ToList();
        var failed = load.Sum(endpoint => endpoint.Failed);
        var requests = load.Sum(endpoint => endpoint.Requests);
        return $"{result.Options.Rate.ToString("0.##", CultureInfo.InvariantCulture)} contacts/s asked for {Figures.Seconds(arrivals.Elapsed)} ({arrivals.StoppedBecause}): "
            + $"{Figures.Count(arrivals.Sent)} sent, {Figures.Count(accounting.Acknowledged)} acknowledged ({Figures.Rate(result.ContactsPerSecond)}/s)"
            + (arrivals.Skipped > 0 ? $", {Figures.Count(arrivals.Skipped)} left out while too many were in flight" : "")
            + $"; {Figures.Count(requests)} requests in the load ({Figures.Rate(requests / (arrivals.Elapsed + result.Drain).TotalSeconds)}/s), {Figures.Count(failed)} failed; "
            + $"p50 / p99 of every call {Figures.Millis(result.Overall.P50)} / {Figures.Millis(result.Overall.P99)} ms, "
            + $"of POST /api/contacts {Figures.Millis(create?.Latency.P50 ?? double.NaN)} / {Figures.Millis(create?.Latency.P99 ?? double.NaN)} ms; "
            + (result.Drained ? $"every contact settled {Figures.Seconds(result.Drain)} after the arrivals" : $"contacts still open after the {Figures.Seconds(result.Drain)} settle limit");
    }

    private static TextTable EndpointTable(RunResult result)
    {
        var table = new TextTable(
            ["endpoint", "requests", "ok", "refused", "failed", "gave up", "answered/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "longest"],
            [false, true, true, true, true, true, true, true, true, true, true, true]);
        foreach (var endpoint in result.Endpoints)
        {
            table.Add(
                endpoint.Endpoint,
                Figures.Count(endpoint.Requests),
                Figures.Count(endpoint.Ok),
                Figures.Count(endpoint.Refused),
                Figures.Count(endpoint.Failed),
                Figures.Count(endpoint.GaveUp),
                Figures.Rate(endpoint.PerSecond),
                Figures.Millis(endpoint.Latency.P50),
                Figures.Millis(endpoint.Latency.P90),
                Figures.Millis(endpoint.Latency.P99),
                Figures.Millis(endpoint.Latency.Max),
                endpoint.LongestOperation > TimeSpan.Zero ? Figures.Seconds(endpoint.LongestOperation) : "–");
        }

        return table;
    }

    private static TextTable ContactTable(AccountingResult accounting)
    {
        var table = new TextTable(["where the final check found them", "contacts", "share"], [false, true, true]);
        foreach (var (contactClass, meaning) in Classes)
        {
            var count = accounting.Count(contactClass);
            if (count > 0 || contactClass == ContactClass.Missing)
            {
                table.Add(meaning, Figures.Count(count), Figures.Share(count, accounting.Sent));
            }
        }

        table.Add("**sent**", Figures.Count(accounting.Sent), "");
        return table;
    }

    private static string FailureLine(RunResult result) =>
        string.Join(", ", result.FailureReasons.Select(reason => $"{Figures.Count(reason.Count)} × {reason.Reason}"));

    private static string ContactLine(AccountingResult accounting) =>
        string.Join(", ", Classes.Where(entry => accounting.Count(entry.Class) > 0 || entry.Class == ContactClass.Missing)
            .Select(entry => $"{Figures.Count(accounting.Count(entry.Class))} {entry.Meaning.Split(':')[0]}"))
        + $" of {Figures.Count(accounting.Sent)} sent";

    private static string DeskLine(DeskFigures desks) =>
        $"{Figures.Count(desks.Accepted)} offers accepted, {Figures.Count(desks.RefusedAccepts)} accepts refused (lapsed, withdrawn or given up), "
        + $"{Figures.Count(desks.AcceptsGivenUp)} unanswered, {Figures.Count(desks.Tasks)} of the center's own tasks handled; "
        + $"{Figures.Count(desks.Confirmed)} solutions confirmed, {Figures.Count(desks.Abandoned)} contacts given up by their customers; "
        + $"{Figures.Count(desks.Reconnects)} event streams reopened, {Figures.Count(desks.PresenceRestores)} operators set available again after a lapsed offer";
}
