using Helpdesk.Grains.Balancing;
using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Studies;

/// <summary>A calibration case: theory beside the simulation, and whether they agree within the tolerances.</summary>
/// <param name="Case">The case.</param>
/// <param name="Theory">Theory's figures.</param>
/// <param name="ServiceLevel">The simulated service level.</param>
/// <param name="SpeedOfAnswer">The simulated average speed of answer, in seconds.</param>
/// <param name="Abandonment">The simulated abandonment.</param>
/// <param name="Contacts">Contacts measured over all replications.</param>
public sealed record CalibrationRow(CalibrationCase Case, QueueForecast Theory, Estimate ServiceLevel, Estimate SpeedOfAnswer, Estimate Abandonment, int Contacts)
{
    /// <summary>How far the service level may be from theory: 1 percentage point.</summary>
    public const double ServiceLevelTolerance = 0.01;

    /// <summary>How far the average speed of answer may be from theory, relatively: 10%.</summary>
    public const double SpeedOfAnswerTolerance = 0.10;

    /// <summary>How far the abandonment may be from theory: 0.3 percentage points.</summary>
    public const double AbandonmentTolerance = 0.003;

    /// <summary>Whether the simulated service level is within its tolerance of theory.</summary>
    public bool ServiceLevelAgrees => Math.Abs(ServiceLevel.Mean - Theory.ServiceLevel) <= ServiceLevelTolerance;

    /// <summary>Whether the simulated speed of answer is within its tolerance of theory.</summary>
    public bool SpeedOfAnswerAgrees => Math.Abs(SpeedOfAnswer.Mean - Theory.AverageSpeedOfAnswer) <= SpeedOfAnswerTolerance * Theory.AverageSpeedOfAnswer;

    /// <summary>Whether the simulated abandonment is within its tolerance of theory.</summary>
    public bool AbandonmentAgrees => Math.Abs(Abandonment.Mean - Theory.Abandonment) <= AbandonmentTolerance;

    /// <summary>Whether every figure agrees: for Erlang A the abandonment too.</summary>
    public bool Agrees => ServiceLevelAgrees && SpeedOfAnswerAgrees && (Case.PatienceSeconds is null || AbandonmentAgrees);

    /// <summary>Whether the sample settles it: every figure's whole 95% confidence interval lies within its tolerance of theory.</summary>
    public bool Conclusive =>
        ServiceLevel.WithinOf(Theory.ServiceLevel, ServiceLevelTolerance)
        && SpeedOfAnswer.WithinOf(Theory.AverageSpeedOfAnswer, SpeedOfAnswerTolerance * Theory.AverageSpeedOfAnswer)
        && (Case.PatienceSeconds is null || Abandonment.WithinOf(Theory.Abandonment, AbandonmentTolerance));
}
