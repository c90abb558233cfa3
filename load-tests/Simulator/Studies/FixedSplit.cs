using Helpdesk.Grains.Balancing;

namespace Helpdesk.Simulator.Studies;

/// <summary>The best fixed split of a center's operators over its departments, by Erlang A: what lending whole operators for good could reach.</summary>
public static class FixedSplit
{
    /// <summary>The split of <paramref name="operators"/> (at least one each) with the highest center service level, with its service level and abandonment.</summary>
    public static (int[] Agents, double ServiceLevel, double Abandonment) Best(IReadOnlyList<double> loads, int operators, double handleTimeSeconds, double patienceSeconds, TimeSpan target)
    {
        ArgumentNullException.ThrowIfNull(loads);
        var cache = new Dictionary<(int Department, int Agents), ErlangAMetrics>();
        ErlangAMetrics Of(int department, int agents)
        {
            if (!cache.TryGetValue((department, agents), out var metrics))
            {
                metrics = ErlangA.Evaluate(loads[department] / handleTimeSeconds, handleTimeSeconds, agents, patienceSeconds, target.TotalSeconds);
                cache[(department, agents)] = metrics;
            }

            return metrics;
        }

        var total = loads.Sum();
        (int[] Agents, double ServiceLevel, double Abandonment) best = ([], -1, 1);
        var split = new int[loads.Count];
        void Place(int department, int left)
        {
            if (department == loads.Count - 1)
            {
                split[department] = left;
                var level = loads.Select((load, d) => load * Of(d, split[d]).ServiceLevel).Sum() / total;
                if (level > best.ServiceLevel)
                {
                    best = ([.. split], level, loads.Select((load, d) => load * Of(d, split[d]).Abandonment).Sum() / total);
                }

                return;
            }

            for (var agents = 1; agents <= left - (loads.Count - department - 1); agents++)
            {
                split[department] = agents;
                Place(department + 1, left - agents);
            }
        }

        Place(0, operators);
        return best;
    }
}
