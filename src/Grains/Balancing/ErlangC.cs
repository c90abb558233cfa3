namespace Helpdesk.Grains.Balancing;

/// <summary>Erlang C (M/M/N): Poisson arrivals, exponential handle times, N agents, callers who never hang up.</summary>
/// <remarks>
/// The offered load A = λ·h is in erlangs. Erlang B comes from the recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)),
/// which stays between 0 and 1, and C = N·B / (N − A·(1 − B)); neither overflows at a thousand agents. A queue whose load
/// reaches its agents (A ≥ N) never settles: everyone waits, no one within a target. Without calls no one waits.
/// </remarks>
public static class ErlangC
{
    /// <summary>The probability that a caller waits at all: the Erlang C formula; 1 when the load reaches the agents.</summary>
    /// <param name="load">The offered load in erlangs: arrivals per second times the mean handle time in seconds.</param>
    /// <param name="agents">The agents answering.</param>
    public static double ProbabilityOfWait(double load, int agents)
    {
        Guard.Load(load);
        Guard.Agents(agents);

        if (load == 0)
        {
            return 0;
        }

        if (load >= agents)
        {
            return 1;
        }

        var blocking = ErlangB(load, agents);
        return agents * blocking / (agents - (load * (1 - blocking)));
    }

    /// <summary>The share of callers answered within <paramref name="targetSeconds"/>: 1 − C·e^(−(N−A)·T/h); 0 when the load reaches the agents.</summary>
    /// <param name="load">The offered load in erlangs.</param>
    /// <param name="agents">The agents answering.</param>
    /// <param name="handleTimeSeconds">The mean handle time h.</param>
    /// <param name="targetSeconds">The target answer time T; 0 asks for the share answered without waiting.</param>
    public static double ServiceLevel(double load, int agents, double handleTimeSeconds, double targetSeconds)
    {
        Guard.HandleTime(handleTimeSeconds);
        Guard.Target(targetSeconds);

        var wait = ProbabilityOfWait(load, agents);
        if (load == 0)
        {
            return 1;
        }

        return load >= agents ? 0 : 1 - (wait * Math.Exp(-(agents - load) * targetSeconds / handleTimeSeconds));
    }

    /// <summary>The mean wait of all callers, C·h / (N − A); +∞ when the load reaches the agents.</summary>
    /// <param name="load">The offered load in erlangs.</param>
    /// <param name="agents">The agents answering.</param>
    /// <param name="handleTimeSeconds">The mean handle time h.</param>
    /// <remarks>Everyone is answered in this model, so the mean over the answered is the mean over all.</remarks>
    public static double AverageSpeedOfAnswer(double load, int agents, double handleTimeSeconds)
    {
        Guard.HandleTime(handleTimeSeconds);

        var wait = ProbabilityOfWait(load, agents);
        if (load == 0)
        {
            return 0;
        }

        return load >= agents ? double.PositiveInfinity : wait * handleTimeSeconds / (agents - load);
    }

    /// <summary>The fewest agents whose <see cref="ServiceLevel"/> reaches <paramref name="serviceLevel"/>; 0 without load.</summary>
    /// <param name="load">The offered load in erlangs.</param>
    /// <param name="handleTimeSeconds">The mean handle time h.</param>
    /// <param name="targetSeconds">The target answer time T.</param>
    /// <param name="serviceLevel">The share to answer within the target, below 1: a queue that can wait never answers all in time.</param>
    /// <remarks>One pass of the Erlang B recursion up the agent count, so the cost grows with the answer, not its square.</remarks>
    public static int AgentsFor(double load, double handleTimeSeconds, double targetSeconds, double serviceLevel)
    {
        Guard.Load(load);
        Guard.HandleTime(handleTimeSeconds);
        Guard.Target(targetSeconds);
        if (double.IsNaN(serviceLevel) || serviceLevel >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "Ask for a service level below 1: some caller always waits past any target.");
        }

        if (load == 0 || serviceLevel <= 0)
        {
            return 0;
        }

        var blocking = 1.0;
        for (var agents = 1; ; agents++)
        {
            blocking = load * blocking / (agents + (load * blocking));
            if (agents <= load)
            {
                continue;
            }

            var wait = agents * blocking / (agents - (load * (1 - blocking)));
            if (1 - (wait * Math.Exp(-(agents - load) * targetSeconds / handleTimeSeconds)) >= serviceLevel)
            {
                return agents;
            }
        }
    }

    /// <summary>Erlang B: the share of callers a loss system of <paramref name="agents"/> turns away at <paramref name="load"/>.</summary>
    /// <remarks>Equals p(N) / Σ_{n≤N} p(n) for any birth–death queue that behaves as M/M/N up to N busy agents.</remarks>
    internal static double ErlangB(double load, int agents)
    {
        var blocking = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            blocking = load * blocking / (n + (load * blocking));
        }

        return blocking;
    }
}
