using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Planning;

/// <summary>A scenario's figures under each of its policies, per department and for the center, each with its 95 % interval.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Replications">Seeded replications of each policy.</param>
/// <param name="FirstSeed">The first seed.</param>
/// <param name="Hours">Simulated hours measured per replication, after the warm-up.</param>
/// <param name="Policies">One entry per policy, in the file's order.</param>
public sealed record ScenarioResults(string Scenario, int Replications, int FirstSeed, double Hours, IReadOnlyList<PolicyResult> Policies)
{
    /// <summary>Runs every policy of <paramref name="plan"/>.</summary>
    public static ScenarioResults Of(ScenarioPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var policies = plan.Policies
            .Select(policy => PolicyResult.Of(policy, Engine.Simulator.Replicate(plan.Under(policy), plan.Replications, plan.Seed)))
            .ToList();
        return new ScenarioResults(plan.Scenario.Name, plan.Replications, plan.Seed, (plan.Scenario.Duration - plan.Scenario.Warmup).TotalHours, policies);
    }

    /// <summary>As the JSON <c>--json</c> writes.</summary>
    public string ToJson() => PlanningJson.Of(this);
}

/// <summary>One policy's figures.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="LendsPerDay">Operators the balancer lent a day (0 under other policies).</param>
/// <param name="Center">The whole center.</param>
/// <param name="Departments">Each department, in the file's order.</param>
public sealed record PolicyResult(Staffing Policy, Interval LendsPerDay, Figures Center, IReadOnlyList<Figures> Departments)
{
    /// <summary>The figures of <paramref name="runs"/>.</summary>
    public static PolicyResult Of(Staffing policy, Replicated runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new PolicyResult(
            policy,
            Interval.Of(runs.Of(run => run.Lends / runs.MeasuredDays)),
            Figures.Of("center", figure => runs.Center(figure)),
            [.. runs.DepartmentIds.Select(id => Figures.Of(id, figure => runs.Department(id, figure)))]);
    }
}

/// <summary>A department's figures, or the center's.</summary>
/// <param name="Id">The department, or <c>center</c>.</param>
/// <param name="ServiceLevel">The share of contacts answered within its threshold; those given up count as missed.</param>
/// <param name="AverageSpeedOfAnswerSeconds">The mean wait of the contacts answered.</param>
/// <param name="Abandonment">The share of contacts given up before an answer.</param>
/// <param name="Occupancy">The share of its own operators' time in conversations.</param>
/// <param name="Transfers">Contacts passed to a specialist, per contact.</param>
public sealed record Figures(string Id, Interval ServiceLevel, Interval AverageSpeedOfAnswerSeconds, Interval Abandonment, Interval Occupancy, Interval Transfers)
{
    /// <summary>The figures of <paramref name="id"/>, each estimated by <paramref name="estimate"/>.</summary>
    public static Figures Of(string id, Func<Func<DepartmentResult, double>, Estimate> estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new Figures(
            id,
            Interval.Of(estimate(result => result.ServiceLevel)),
            Interval.Of(estimate(result => result.AverageSpeedOfAnswer)),
            Interval.Of(estimate(result => result.Abandonment)),
            Interval.Of(estimate(result => result.Occupancy)),
            Interval.Of(estimate(result => result.Transfers)));
    }
}

/// <summary>A figure's mean over the replications, and the half-width of its 95 % confidence interval (Student's t).</summary>
/// <param name="Mean">The mean.</param>
/// <param name="HalfWidth">Half the interval: the figure lies within mean ± this with 95 % confidence.</param>
public sealed record Interval(double Mean, double HalfWidth)
{
    /// <summary>From an estimate, rounded to six decimals.</summary>
    public static Interval Of(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new Interval(Math.Round(estimate.Mean, 6), Math.Round(estimate.HalfWidth, 6));
    }

    /// <summary>Back as an estimate, for the report's formats.</summary>
    public Estimate ToEstimate() => new(Mean, HalfWidth);
}
