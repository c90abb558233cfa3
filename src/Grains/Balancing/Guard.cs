namespace Helpdesk.Grains.Balancing;

/// <summary>The argument checks the queueing formulas share; each names what a valid value is.</summary>
internal static class Guard
{
    public static void Load(double load)
    {
        if (!double.IsFinite(load) || load < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(load), load, "Give the offered load as a finite number of erlangs, 0 or more.");
        }
    }

    public static void Arrivals(double arrivalsPerSecond)
    {
        if (!double.IsFinite(arrivalsPerSecond) || arrivalsPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalsPerSecond), arrivalsPerSecond, "Give arrivals per second as a finite number, 0 or more.");
        }
    }

    public static void Agents(int agents) => ArgumentOutOfRangeException.ThrowIfNegative(agents);

    public static void HandleTime(double handleTimeSeconds)
    {
        if (!double.IsFinite(handleTimeSeconds) || handleTimeSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(handleTimeSeconds), handleTimeSeconds, "Give the mean handle time as a finite number of seconds above 0.");
        }
    }

    public static void Patience(double patienceSeconds)
    {
        if (!double.IsFinite(patienceSeconds) || patienceSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patienceSeconds), patienceSeconds, "Give the mean patience as a finite number of seconds above 0; use Erlang C for callers who never hang up.");
        }
    }

    public static void Target(double targetSeconds)
    {
        if (double.IsNaN(targetSeconds) || targetSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetSeconds), targetSeconds, "Give the target answer time in seconds, 0 or more.");
        }
    }
}
