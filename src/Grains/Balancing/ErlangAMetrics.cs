namespace Helpdesk.Grains.Balancing;

/// <summary>The steady state of an Erlang A queue, per arriving caller unless it says otherwise.</summary>
/// <param name="ProbabilityOfWait">The share who find every agent busy: P(W &gt; 0).</param>
/// <param name="Abandonment">The share who hang up before an agent answers.</param>
/// <param name="AverageQueueLength">The mean number of callers waiting, Lq.</param>
/// <param name="AverageWait">The mean time in queue over all callers, answered or not: Lq / λ.</param>
/// <param name="AverageSpeedOfAnswer">The mean wait of the answered callers; +∞ when no one is answered.</param>
/// <param name="ServiceLevel">The share of all callers answered within the target; those who hang up count as missed.</param>
/// <param name="ServiceLevelOfAnswered">The share of the answered callers answered within the target; 0 when no one is answered.</param>
/// <param name="Occupancy">The share of agent time spent on calls: λ·(1 − abandonment)·h / N; 0 without agents.</param>
public sealed record ErlangAMetrics(
    double ProbabilityOfWait,
    double Abandonment,
    double AverageQueueLength,
    double AverageWait,
    double AverageSpeedOfAnswer,
    double ServiceLevel,
    double ServiceLevelOfAnswered,
    double Occupancy);
