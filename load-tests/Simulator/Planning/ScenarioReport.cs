using System.Globalization;
using Helpdesk.LoadTests.Shared;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Planning;

/// <summary>A scenario's results and a staffing answer as the console and the Markdown report show them.</summary>
internal static class ScenarioReport
{
    /// <summary>The center's figures under each policy.</summary>
    public static TextTable Center(ScenarioResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new TextTable("policy", "within threshold", "speed of answer", "abandoned", "occupancy", "transfers", "lends per day");
        foreach (var policy in results.Policies)
        {
            var figures = policy.Center;
            table.Add(
                ScenarioFile.Wire(policy.Policy),
                figures.ServiceLevel.ToEstimate().Percent(),
                figures.AverageSpeedOfAnswerSeconds.ToEstimate().Plain() + " s",
                figures.Abandonment.ToEstimate().Percent(),
                figures.Occupancy.ToEstimate().Percent(),
                figures.Transfers.ToEstimate().Percent(),
                policy.Policy == Model.Staffing.Balancer ? policy.LendsPerDay.ToEstimate().Plain("0") : "—");
        }

        return table;
    }

    /// <summary>Each department under each policy: answered within its threshold, abandoned, average speed of answer.</summary>
    public static TextTable Departments(ScenarioResults results, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(scenario);
        var table = new TextTable(["department", .. results.Policies.Select(policy => ScenarioFile.Wire(policy.Policy))]);
        for (var i = 0; i < scenario.Departments.Count; i++)
        {
            var department = scenario.Departments[i];
            var at = i;
            table.Add([
                Invariant($"{department.Id} (within {scenario.TimesOf(department).Target.TotalSeconds:0.#} s)"),
                .. results.Policies.Select(policy => Figures(policy.Departments[at])),
            ]);
        }

        return table;
    }

    /// <summary>Writes the report and its chart to <paramref name="folder"/> and returns the report's path.</summary>
    /// <param name="folder">The reports folder.</param>
    /// <param name="results">The results.</param>
    /// <param name="scenario">The scenario they are of.</param>
    /// <param name="arguments">The command line, quoted in the report.</param>
    public static string Write(string folder, ScenarioResults results, Scenario scenario, string arguments)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(scenario);
        var slug = new string([.. results.Scenario.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var ids = scenario.Departments.Select(department => department.Id).ToList();
        var policies = results.Policies.Select(policy => ScenarioFile.Wire(policy.Policy)).ToList();
        double[][] levels = [.. ids.Select((_, i) => results.Policies.Select(policy => policy.Departments[i].ServiceLevel.Mean * 100).ToArray())];
        File.WriteAllText(
            Path.Combine(folder, $"{slug}-service-level.svg"),
            Chart.GroupedBars($"{results.Scenario}: answered within the threshold", "% of contacts", ids, policies, levels, 100));
        var path = Path.Combine(folder, $"{slug}.md");
        File.WriteAllText(path, Invariant($"""
            # {results.Scenario}

            Simulated {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {results.Replications} seeded replications (seeds {results.FirstSeed}–{results.FirstSeed + results.Replications - 1}) of {results.Hours:0.#} simulated hours each, after a warm-up of {scenario.Warmup.TotalHours:0.#} h; figures are their means ± the half-width of the 95% confidence interval.

            Command: `dotnet run -c Release --project load-tests/Simulator -- {arguments}`

            {Center(results).ToMarkdown().TrimEnd()}

            {Departments(results, scenario).ToMarkdown().TrimEnd()}

            ![Answered within the threshold]({slug}-service-level.svg)

            """));
        return path;
    }

    /// <summary>The staffing found for each department beside Erlang A's.</summary>
    public static TextTable Staffing(StaffingAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var table = new TextTable("department", "operators (simulated)", "Erlang A", Invariant($"within {answer.Within.TotalSeconds:0.#} s with them"));
        foreach (var department in answer.Departments)
        {
            table.Add(department.Id, Invariant($"{department.Operators}"), Invariant($"{department.ErlangA}"), Invariant($"{department.ServiceLevel * 100:0.0}%"));
        }

        return table;
    }

    private static string Figures(Figures figures) =>
        $"{figures.ServiceLevel.ToEstimate().Percent()}; {figures.Abandonment.ToEstimate().Percent()} abandoned; ASA {figures.AverageSpeedOfAnswerSeconds.ToEstimate().Plain()} s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
