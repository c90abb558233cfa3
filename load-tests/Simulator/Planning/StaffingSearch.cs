using System.Globalization;
using System.Text.Json.Serialization;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Routing;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Planning;

/// <summary>
/// The fewest operators per department that answer a share of contacts within a time, under a scenario's first policy,
/// searched by simulation from Erlang A's answer: departments short of the goal gain an operator each until none is,
/// then each in turn gives operators back while every department still meets it. "Meets" is the mean over the plan's
/// replications. The search varies a department's first group of first-line operators who serve it alone (or its first
/// group); its other groups stay as the file gives them.
/// </summary>
public static class StaffingSearch
{
    /// <summary>How many times departments may gain operators before the search gives up.</summary>
    public const int MaxRounds = 100;

    /// <summary>Reads <c>0.8/20</c>: the share, above 0 and below 1, and the seconds, above 0.</summary>
    public static bool TryParseGoal(string? text, out double share, out TimeSpan within)
    {
        share = 0;
        within = TimeSpan.Zero;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out share) || share is not (> 0 and < 1)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is not (> 0 and <= 3_600))
        {
            return false;
        }

        within = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Searches the staffing of <paramref name="plan"/> for the goal; <paramref name="progress"/> hears of each simulation.</summary>
    public static StaffingAnswer Find(ScenarioPlan plan, double share, TimeSpan within, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var policy = plan.Policies[0];
        var scenario = plan.Under(policy);
        scenario = scenario with
        {
            Departments = [.. scenario.Departments.Select(department => department with { Times = scenario.TimesOf(department) with { Target = within } })],
        };
        var erlangA = scenario.Departments.Select(department => ErlangA(scenario, department, share, within)).ToArray();
        var staff = erlangA.Select((start, i) => Math.Max(start, Fixed(scenario.Departments[i]) + 1)).ToArray();
        var simulations = 0;
        double[] Levels(int[] candidate)
        {
            simulations++;
            var runs = Engine.Simulator.Replicate(Staffed(scenario, candidate), plan.Replications, plan.Seed);
            var levels = runs.DepartmentIds.Select(id => runs.Department(id, result => result.ServiceLevel).Mean).ToArray();
            progress?.Invoke($"{string.Join(", ", scenario.Departments.Select((department, i) => $"{department.Id} {candidate[i]}"))}: {string.Join(", ", levels.Select(level => level.ToString("P1", CultureInfo.InvariantCulture)))}");
            return levels;
        }

        var levels = Levels(staff);
        for (var round = 0; levels.Any(level => level < share); round++)
        {
            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"The goal was not met after {MaxRounds} rounds of adding operators: {string.Join(", ", levels.Select(level => level.ToString("P1", CultureInfo.InvariantCulture)))}.");
            }

            staff = [.. staff.Select((count, i) => levels[i] < share ? count + 1 : count)];
            levels = Levels(staff);
        }

        for (var i = 0; i < staff.Length; i++)
        {
            while (staff[i] > Fixed(scenario.Departments[i]) + 1)
            {
                int[] fewer = [.. staff];
                fewer[i]--;
                var fewerLevels = Levels(fewer);
                if (fewerLevels.Any(level => level < share))
                {
                    break;
                }

                (staff, levels) = (fewer, fewerLevels);
            }
        }

        return new StaffingAnswer(
            plan.Scenario.Name,
            policy,
            share,
            within,
            [.. scenario.Departments.Select((department, i) => new DepartmentStaffing(department.Id, staff[i], erlangA[i], levels[i]))],
            simulations);
    }

    /// <summary>Erlang A's fewest operators for one department alone at its mean arrival rate over the measured hours (Erlang C when its customers never give up).</summary>
    public static int ErlangA(Scenario scenario, DepartmentSpec department, double share, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(department);
        var times = scenario.TimesOf(department);
        var arrivals = MeanErlangs(department, scenario.Warmup, scenario.Duration) / times.HandleTime.Mean;
        var agents = Math.Max(1, (int)Math.Ceiling(arrivals * times.HandleTime.Mean));
        while (QueueModel.Forecast(arrivals, times.HandleTime.Mean, agents, within, times.Patience?.Mean).ServiceLevel < share)
        {
            agents++;
        }

        return agents;
    }

    /// <summary>The load's mean, in erlangs, between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static double MeanErlangs(DepartmentSpec department, TimeSpan from, TimeSpan to)
    {
        var steps = department.Load;
        var total = 0.0;
        for (var i = 0; i < steps.Count; i++)
        {
            var start = steps[i].From < from ? from : steps[i].From;
            var end = i + 1 < steps.Count && steps[i + 1].From < to ? steps[i + 1].From : to;
            total += end > start ? steps[i].Erlangs * (end - start).TotalSeconds : 0;
        }

        return total / (to - from).TotalSeconds;
    }

    /// <summary>The group the search varies: the first of first-line operators who serve their department alone, or the first.</summary>
    private static int Varied(DepartmentSpec department)
    {
        var groups = department.EffectiveGroups;
        var index = groups.ToList().FindIndex(group => group is { Line: Line.L1, AlsoServes: null });
        return index >= 0 ? index : 0;
    }

    /// <summary>The operators of the groups the search leaves alone.</summary>
    private static int Fixed(DepartmentSpec department)
    {
        var varied = Varied(department);
        return department.EffectiveGroups.Where((_, i) => i != varied).Sum(group => group.Count);
    }

    /// <summary>The scenario with <paramref name="staff"/> operators in each department.</summary>
    private static Scenario Staffed(Scenario scenario, int[] staff) => scenario with
    {
        Departments = [.. scenario.Departments.Select((department, i) =>
        {
            var varied = Varied(department);
            List<OperatorGroup> groups = [.. department.EffectiveGroups];
            if (groups.Count == 0)
            {
                groups.Add(new OperatorGroup(0, Line.L1));
            }

            groups[varied] = groups[varied] with { Count = staff[i] - Fixed(department) };
            var firstLine = groups.Where(group => group.Line == Line.L1).Sum(group => group.Count);
            return department with { FirstLine = firstLine, Specialists = groups.Sum(group => group.Count) - firstLine, Groups = groups };
        })],
    };
}

/// <summary>What the staffing search found.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Policy">The policy it searched under.</param>
/// <param name="Share">The share of contacts to answer in time.</param>
/// <param name="Within">The time.</param>
/// <param name="Departments">Each department's answer.</param>
/// <param name="Simulations">How many staffings it simulated.</param>
public sealed record StaffingAnswer(string Scenario, Staffing Policy, double Share, [property: JsonIgnore] TimeSpan Within, IReadOnlyList<DepartmentStaffing> Departments, int Simulations)
{
    /// <summary>The time, in seconds.</summary>
    public double WithinSeconds => Within.TotalSeconds;

    /// <summary>As the JSON <c>--json</c> writes.</summary>
    public string ToJson() => PlanningJson.Of(this);
}

/// <summary>One department's answer.</summary>
/// <param name="Id">The department.</param>
/// <param name="Operators">The fewest operators found by simulation.</param>
/// <param name="ErlangA">Erlang A's answer for the department alone.</param>
/// <param name="ServiceLevel">The simulated share answered in time with <paramref name="Operators"/>.</param>
public sealed record DepartmentStaffing(string Id, int Operators, int ErlangA, double ServiceLevel);
