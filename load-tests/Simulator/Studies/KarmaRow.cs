using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Studies;

/// <summary>One setting of the karma study and its replications.</summary>
/// <param name="Name">E.g. "karma on, fairness on".</param>
/// <param name="Karma">Whether literate customers skip the first line.</param>
/// <param name="Fairness">Whether difficult customers go to whoever carries least.</param>
/// <param name="Runs">The replications.</param>
public sealed record KarmaRow(string Name, bool Karma, bool Fairness, Replicated Runs)
{
    /// <summary>Operator time per solved contact, over both lines, in seconds.</summary>
    public Estimate OperatorSeconds => Runs.Center(center => center.OperatorSecondsPerContact);

    /// <summary>Contacts passed from the first line to a specialist, per contact.</summary>
    public Estimate Transfers => Runs.Center(center => center.Transfers);

    /// <summary>The center's service level (first answer within 20 s).</summary>
    public Estimate ServiceLevel => Runs.Center(center => center.ServiceLevel);

    /// <summary>The Gini coefficient of the difficulty each operator served.</summary>
    public Estimate DifficultyGini => Runs.Of(run => run.DifficultyGini);

    /// <summary>The most difficulty one operator served, over the mean.</summary>
    public Estimate DifficultyMaxOverMean => Runs.Of(run => run.DifficultyPerOperator.Max() / Math.Max(1e-9, run.DifficultyPerOperator.Average()));
}
