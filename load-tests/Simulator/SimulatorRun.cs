using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Helpdesk.LoadTests.Shared;
using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Planning;
using Helpdesk.Simulator.Studies;

namespace Helpdesk.Simulator;

/// <summary>Runs the chosen studies, prints their tables, and writes the markdown report and its charts.</summary>
internal static class SimulatorRun
{
    private const string ProjectFile = "Helpdesk.Simulator.csproj";

    public static int Execute(SimulatorOptions options, string[] args)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = ProjectFolder.Reports(ProjectFile);
        if (options.Scenario is { } file)
        {
            return options.StaffFor is { } goal ? StaffFor(file, goal, options.Json) : RunScenario(file, options.Json, folder, string.Join(' ', args));
        }

        var report = new StringBuilder();
        var arguments = string.Join(' ', args);
        report.AppendLine(Invariant($"""
            # Contact-center simulation

            Simulated {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}.
            Each scenario ran {options.Replications} seeded replications (seeds {options.Seed}–{options.Seed + options.Replications - 1}); figures are their means ± the half-width of the 95% confidence interval (Student's t). Every run warms up for a simulated hour first.

            Command: `dotnet run -c Release --project load-tests/Simulator{(arguments.Length > 0 ? " -- " + arguments : "")}`

            """));
        var clock = Stopwatch.StartNew();
        var ok = true;
        if (options.Runs("calibration"))
        {
            ok &= Calibrate(options, report);
        }

        if (options.Runs("policies"))
        {
            ComparePolicies(options, report, folder);
        }

        if (options.Runs("karma"))
        {
            StudyKarma(options, report);
        }

        var path = Path.Combine(folder, "simulation.md");
        File.WriteAllText(path, report.ToString());
        Console.WriteLine(Invariant($"Report: {path} ({clock.Elapsed.TotalSeconds:0} s)"));
        return ok ? 0 : 1;
    }

    /// <summary>Runs a scenario file: nothing runs when it has an error, and every error is printed with its field.</summary>
    private static int RunScenario(string file, string? json, string folder, string arguments)
    {
        if (Plan(file) is not { } plan)
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var results = ConsoleStatus.Run($"simulating {plan.Scenario.Name} under each of its policies", () => ScenarioResults.Of(plan));
        Print($"{results.Scenario}: the center, {results.Replications} replications of {results.Hours:0.#} h", ScenarioReport.Center(results));
        Print("Per department: answered within its threshold; abandoned; average speed of answer", ScenarioReport.Departments(results, plan.Scenario));
        var path = ScenarioReport.Write(folder, results, plan.Scenario, arguments);
        if (json is not null)
        {
            File.WriteAllText(json, results.ToJson());
            Console.WriteLine($"Results: {Path.GetFullPath(json)}");
        }

        Console.WriteLine(Invariant($"Report: {path} ({clock.Elapsed.TotalSeconds:0} s)"));
        return 0;
    }

    /// <summary>Searches a scenario file's staffing for the goal and prints it beside Erlang A's.</summary>
    private static int StaffFor(string file, string goal, string? json)
    {
        if (Plan(file) is not { } plan)
        {
            return 2;
        }

        StaffingSearch.TryParseGoal(goal, out var share, out var within);
        var clock = Stopwatch.StartNew();
        var answer = StaffingSearch.Find(plan, share, within, line => Console.WriteLine($"  simulated {line}"));
        Print(Invariant($"{plan.Scenario.Name}: the fewest operators for {share:P0} within {within.TotalSeconds:0.#} s under {ScenarioFile.Wire(answer.Policy)} ({answer.Simulations} staffings simulated, {plan.Replications} replications each)"), ScenarioReport.Staffing(answer));
        if (json is not null)
        {
            File.WriteAllText(json, answer.ToJson());
            Console.WriteLine($"Results: {Path.GetFullPath(json)}");
        }

        Console.WriteLine(Invariant($"Searched in {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    /// <summary>The plan of a scenario file, or <see langword="null"/> after printing every error with its field.</summary>
    private static ScenarioPlan? Plan(string file)
    {
        var reading = ScenarioFile.Load(file);
        if (reading.Plan is null)
        {
            Console.Error.WriteLine($"{file} cannot run:");
            foreach (var error in reading.Errors)
            {
                Console.Error.WriteLine($"  {error}");
            }
        }

        return reading.Plan;
    }

    private static bool Calibrate(SimulatorOptions options, StringBuilder report)
    {
        var table = new TextTable("case", "contacts", "service level: theory", "simulated", "speed of answer: theory", "simulated", "abandonment: theory", "simulated", "within tolerance", "whole interval within");
        var ok = true;
        foreach (var calibrationCase in CalibrationCase.Standard)
        {
            var row = ConsoleStatus.Run($"calibrating: {calibrationCase.Name}", () => Calibration.Check(calibrationCase, options.Replications, TimeSpan.FromHours(options.CalibrationHours), options.Seed));
            ok &= row.Agrees;
            table.Add(
                calibrationCase.Name,
                row.Contacts.ToString("N0", CultureInfo.InvariantCulture),
                Percent(row.Theory.ServiceLevel),
                row.ServiceLevel.Percent(),
                Invariant($"{row.Theory.AverageSpeedOfAnswer:0.00} s"),
                row.SpeedOfAnswer.Plain("0.00") + " s",
                calibrationCase.PatienceSeconds is null ? "—" : Invariant($"{row.Theory.Abandonment * 100:0.00}%"),
                calibrationCase.PatienceSeconds is null ? "—" : Invariant($"{row.Abandonment.Mean * 100:0.00}% ± {row.Abandonment.HalfWidth * 100:0.00}"),
                row.Agrees ? "yes" : "NO",
                row.Conclusive ? "yes" : "no");
        }

        Print("Calibration against queueing theory", table);
        report.AppendLine(Invariant($"""
            ## Calibration against queueing theory

            One department, one skill, first come first served, exponential handle times (and patience for Erlang A); {options.CalibrationHours:N0} simulated hours per replication. Tolerances: ±1 point of service level, ±10% of the average speed of answer, ±0.3 points of abandonment. "Within tolerance" compares the means; "whole interval within" asks the same of the entire 95% confidence interval. `dotnet test` runs the same check with 6 × 300 hours.

            {table.ToMarkdown().TrimEnd()}

            """));
        return ok;
    }

    private static void ComparePolicies(SimulatorOptions options, StringBuilder report, string folder)
    {
        var rows = ConsoleStatus.Run("simulating the staffing policies", () => PolicyComparison.Run(options.Replications, TimeSpan.FromHours(options.Hours), options.Seed));
        var table = new TextTable("load (erlangs)", "staffing", "within 20 s", "abandoned", "speed of answer", "occupancy", "worst department below center", "lends per day", "Erlang A", "meets the balancer's target");
        foreach (var row in rows)
        {
            table.Add(
                row.LoadName,
                row.Staffing.ToString().ToLowerInvariant(),
                row.ServiceLevel.Percent(),
                row.Abandonment.Percent(),
                row.SpeedOfAnswer.Plain() + " s",
                row.Occupancy.Percent(),
                Invariant($"{row.WorstGap * 100:0.0} points"),
                row.Staffing == Staffing.Balancer ? row.LendsPerDay.Plain("0") : "—",
                row.Theory is { } theory ? $"{Percent(theory.ServiceLevel)}, {Percent(theory.Abandonment)} abandoned" : "—",
                row.MeetsTarget ? "yes" : "no");
        }

        Print("Staffing policies: 4 departments × 12 operators, handle time 300 s, patience 180 s", table);
        var surge = rows.Where(row => row.LoadName == "16/10/8/6").ToList();
        var departments = new TextTable(["staffing", .. surge[0].Runs.DepartmentIds.Select((id, i) => Invariant($"{id} ({PolicyComparison.Loads[2][i]} erlangs)"))]);
        foreach (var row in surge)
        {
            departments.Add([row.Staffing.ToString().ToLowerInvariant(), .. row.Runs.DepartmentIds.Select(id => row.Runs.Department(id, department => department.ServiceLevel).Percent())]);
        }

        Print("The surge, 16/10/8/6 erlangs: answered within 20 s per department", departments);
        var split = FixedSplit.Best(PolicyComparison.Loads[2], 48, PolicyComparison.HandleTimeSeconds, PolicyComparison.PatienceSeconds, TimeSpan.FromSeconds(20));
        var splitLine = Invariant($"The best fixed split of the 48 operators at 16/10/8/6 erlangs, by Erlang A, is {string.Join('/', split.Agents)}: {Percent(split.ServiceLevel)} within 20 s and {Percent(split.Abandonment)} abandoned.");
        Console.WriteLine(splitLine);
        Console.WriteLine();

        var staffings = Enum.GetValues<Staffing>().Select(staffing => staffing.ToString().ToLowerInvariant()).ToList();
        var loads = PolicyComparison.Loads.Select(PolicyComparison.Name).ToList();
        double[][] Values(Func<PolicyRow, double> figure) =>
            [.. loads.Select(load => rows.Where(row => row.LoadName == load).Select(row => figure(row) * 100).ToArray())];
        File.WriteAllText(
            Path.Combine(folder, "policies-service-level.svg"),
            Chart.GroupedBars("Answered within 20 s, by staffing policy", "% of contacts", loads, staffings, Values(row => row.ServiceLevel.Mean), 100, (90, "target 90%")));
        File.WriteAllText(
            Path.Combine(folder, "policies-abandonment.svg"),
            Chart.GroupedBars("Abandoned, by staffing policy", "% of contacts", loads, staffings, Values(row => row.Abandonment.Mean), 20, (2.5, "target 2.5%")));

        report.AppendLine(Invariant($"""
            ## Staffing policies

            Four departments of 12 single-skill operators; handle time 300 s and patience 180 s, both exponential; {options.Hours:0.#} simulated hours per replication. **Dedicated**: each operator serves their own department. **Pooled**: one queue for all 48, first come first served. **Chained**: every operator has two skills, their own department's first and the next one's (d1→d2→d3→d4→d1). **Balancer**: dedicated, with the silos' balancer (`Rebalancer.Plan` every 5 s, fed by the departments' own `LoadMeter`s, with the default `BalancerPolicy` set to the center's target: `TargetServiceLevel` 0.9, `ReturnMargin` 0.05) lending reserves, who serve their own department first and the borrower in between, and taking one of the borrower's back in return for each, as in the silos. The balancer's target: at least 90% within 20 s, at most 2.5% abandoned, no department more than 5 points below the center.

            {table.ToMarkdown().TrimEnd()}

            ![Answered within 20 s](policies-service-level.svg)

            ![Abandoned](policies-abandonment.svg)

            At 16/10/8/6 erlangs, per department:

            {departments.ToMarkdown().TrimEnd()}

            {splitLine} Lending that moves whole operators from one department to another tends to such a split; the balancer's exchanged reserves serve two departments at once, as chains do, but only while a department needs them.

            """));
    }

    private static void StudyKarma(SimulatorOptions options, StringBuilder report)
    {
        var rows = ConsoleStatus.Run("simulating karma and fairness", () => KarmaStudy.Run(options.Replications, TimeSpan.FromHours(options.Hours), options.Seed));
        var table = new TextTable("setting", "operator time per solved contact", "passed to a specialist", "within 20 s", "difficulty served: Gini", "most served / mean");
        foreach (var row in rows)
        {
            table.Add(row.Name, row.OperatorSeconds.Plain("0") + " s", row.Transfers.Percent(), row.ServiceLevel.Percent(), row.DifficultyGini.Plain("0.000"), row.DifficultyMaxOverMean.Plain("0.00"));
        }

        Print("Karma: 10 first-line operators and 6 specialists, 20% literate and 10% difficult customers", table);
        var on = rows[0];
        var off = rows[1];
        var saved = Invariant($"Karma on saves {off.OperatorSeconds.Mean - on.OperatorSeconds.Mean:0} s of operator time per solved contact ({(off.OperatorSeconds.Mean - on.OperatorSeconds.Mean) / off.OperatorSeconds.Mean * 100:0.0}%).");
        Console.WriteLine(saved);
        Console.WriteLine();
        report.AppendLine(Invariant($"""
            ## Karma

            {KarmaStudyText}; {options.Hours:0.#} simulated hours per replication. With karma on, the entry rule (`EntryRule.Decide` over karma from `KarmaCalculator`) sends rated literate customers straight to the specialists. With fairness on, `OperatorSelector` gives a difficult customer to whoever served the least difficulty this shift; with it off, difficult customers are routed like anyone.

            {table.ToMarkdown().TrimEnd()}

            {saved}

            """));
    }

    private const string KarmaStudyText =
        "One department of 10 first-line operators and 6 specialists; 10,000 customers, 20% rated literate and 10% rated difficult by two specialists each; a first-line conversation lasts 300 s and a specialist's 420 s; the first line passes on 20% of contacts, and 80% of literate customers' contacts, to a specialist; 8 erlangs of first-line work";

    private static void Print(string title, TextTable table)
    {
        Console.WriteLine(title);
        Console.WriteLine(table.ToText());
    }

    private static string Percent(double share) => Invariant($"{share * 100:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
