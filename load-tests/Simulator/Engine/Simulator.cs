using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Engine;

/// <summary>Runs scenarios: once, or replicated over consecutive seeds on the machine's cores.</summary>
public static class Simulator
{
    /// <summary>One run of <paramref name="scenario"/> with <paramref name="seed"/>; the same seed always gives the same result.</summary>
    public static RunResult Run(Scenario scenario, int seed) => Simulation.Run(scenario, seed);

    /// <summary><paramref name="replications"/> runs with seeds <paramref name="firstSeed"/>, <paramref name="firstSeed"/> + 1, ….</summary>
    public static Replicated Replicate(Scenario scenario, int replications, int firstSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var runs = new RunResult[replications];
        Parallel.For(0, replications, i => runs[i] = Simulation.Run(scenario, firstSeed + i));
        return new Replicated(runs, (scenario.Duration - scenario.Warmup).TotalDays);
    }
}
