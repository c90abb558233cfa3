namespace Helpdesk.Grains.Balancing;

/// <summary>The forecast a load model or balancer asks for: Erlang A when callers' patience is known, Erlang C when it is not.</summary>
public static class QueueModel
{
    /// <summary>The steady state of <paramref name="agents"/> agents answering <paramref name="arrivalsPerSecond"/> callers.</summary>
    /// <param name="arrivalsPerSecond">The arrival rate λ, 0 or more.</param>
    /// <param name="handleTimeSeconds">The mean handle time h, above 0.</param>
    /// <param name="agents">The agents answering, 0 or more.</param>
    /// <param name="target">The answer time the service level counts within.</param>
    /// <param name="patienceSeconds">The callers' mean patience; null (or +∞) for callers who never hang up.</param>
    /// <remarks>
    /// Without arrivals nothing waits: service level 1, speed of answer 0. Without agents every caller waits and none is answered:
    /// service level 0, speed of answer +∞, and abandonment 1 when the patience is known. Without a patience a load at or above the
    /// agents never settles: everyone waits, occupancy 1, service level 0, speed of answer +∞. No figure is ever NaN.
    /// </remarks>
    public static QueueForecast Forecast(double arrivalsPerSecond, double handleTimeSeconds, int agents, TimeSpan target, double? patienceSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, TimeSpan.Zero);
        Guard.Arrivals(arrivalsPerSecond);
        Guard.HandleTime(handleTimeSeconds);
        Guard.Agents(agents);

        var load = arrivalsPerSecond * handleTimeSeconds;
        var targetSeconds = target.TotalSeconds;
        if (patienceSeconds is { } patience && !double.IsPositiveInfinity(patience))
        {
            var metrics = ErlangA.Evaluate(arrivalsPerSecond, handleTimeSeconds, agents, patience, targetSeconds);
            return new(load, metrics.Occupancy, metrics.ProbabilityOfWait, metrics.AverageSpeedOfAnswer, metrics.ServiceLevel, metrics.Abandonment);
        }

        var occupancy = agents == 0 ? 0 : Math.Min(1, load / agents);
        return new(
            load,
            occupancy,
            ErlangC.ProbabilityOfWait(load, agents),
            ErlangC.AverageSpeedOfAnswer(load, agents, handleTimeSeconds),
            ErlangC.ServiceLevel(load, agents, handleTimeSeconds, targetSeconds),
            Abandonment: 0);
    }
}
