namespace Helpdesk.Grains.Balancing;

/// <summary>What a queue is expected to do in steady state: the figures a balancer weighs one staffing against another by.</summary>
/// <param name="OfferedLoad">The work arriving, in erlangs: arrivals per second times the mean handle time.</param>
/// <param name="Occupancy">The share of agent time spent on calls; 1 for a queue that never settles, 0 without agents.</param>
/// <param name="ProbabilityOfWait">The share of callers who find every agent busy.</param>
/// <param name="AverageSpeedOfAnswer">The mean wait of the answered callers, in seconds; +∞ when the queue never settles or no one is answered.</param>
/// <param name="ServiceLevel">The share of all callers answered within the target; callers who hang up count as missed.</param>
/// <param name="Abandonment">The share of callers who hang up before an answer; 0 when the patience is unknown, as Erlang C assumes.</param>
[GenerateSerializer, Alias("helpdesk.QueueForecast")]
public sealed record QueueForecast(
    [property: Id(0)] double OfferedLoad,
    [property: Id(1)] double Occupancy,
    [property: Id(2)] double ProbabilityOfWait,
    [property: Id(3)] double AverageSpeedOfAnswer,
    [property: Id(4)] double ServiceLevel,
    [property: Id(5)] double Abandonment);
