using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Studies;

/// <summary>One staffing policy under one load: the simulated figures, and theory's where it has them.</summary>
/// <param name="Loads">Each department's offered load, in erlangs.</param>
/// <param name="Staffing">The policy.</param>
/// <param name="Runs">The replications.</param>
/// <param name="Theory">Erlang A's service level and abandonment for dedicated and pooled staff; <see langword="null"/> for the rest.</param>
public sealed record PolicyRow(IReadOnlyList<double> Loads, Staffing Staffing, Replicated Runs, (double ServiceLevel, double Abandonment)? Theory)
{
    /// <summary>E.g. "16/10/8/6".</summary>
    public string LoadName => PolicyComparison.Name(Loads);

    /// <summary>The center's service level.</summary>
    public Estimate ServiceLevel => Runs.Center(center => center.ServiceLevel);

    /// <summary>The center's abandonment.</summary>
    public Estimate Abandonment => Runs.Center(center => center.Abandonment);

    /// <summary>The center's average speed of answer.</summary>
    public Estimate SpeedOfAnswer => Runs.Center(center => center.AverageSpeedOfAnswer);

    /// <summary>The center's occupancy.</summary>
    public Estimate Occupancy => Runs.Center(center => center.Occupancy);

    /// <summary>The balancer's lends per measured day.</summary>
    public Estimate LendsPerDay => Runs.Of(run => run.Lends / Runs.MeasuredDays);

    /// <summary>How far the worst department's mean service level falls below the center's, in points.</summary>
    public double WorstGap => ServiceLevel.Mean - Runs.DepartmentIds.Min(id => Runs.Department(id, department => department.ServiceLevel).Mean);

    /// <summary>Whether it meets the balancer's target: at least 90% within 20 s, at most 2.5% abandonment, no department more than 5 points below.</summary>
    public bool MeetsTarget => ServiceLevel.Mean >= 0.9 && Abandonment.Mean <= 0.025 && WorstGap <= 0.05;
}
