namespace Helpdesk.Simulator.Results;

/// <summary>A scenario run with several seeds: every run, and the estimates of the figures reports show.</summary>
/// <param name="Runs">The runs, one per seed.</param>
/// <param name="MeasuredDays">Each run's measured window, in days.</param>
public sealed record Replicated(IReadOnlyList<RunResult> Runs, double MeasuredDays)
{
    /// <summary>The scenario's name.</summary>
    public string Scenario => Runs[0].Scenario;

    /// <summary>An estimate of a figure of the center.</summary>
    public Estimate Center(Func<DepartmentResult, double> figure) => Estimate.Of([.. Runs.Select(run => figure(run.Center))]);

    /// <summary>An estimate of a figure of one department.</summary>
    public Estimate Department(string id, Func<DepartmentResult, double> figure) =>
        Estimate.Of([.. Runs.Select(run => figure(run.Departments.Single(department => department.Id == id)))]);

    /// <summary>An estimate of any figure of a run.</summary>
    public Estimate Of(Func<RunResult, double> figure) => Estimate.Of([.. Runs.Select(figure)]);

    /// <summary>The departments' ids, in scenario order.</summary>
    public IReadOnlyList<string> DepartmentIds => [.. Runs[0].Departments.Select(department => department.Id)];
}
