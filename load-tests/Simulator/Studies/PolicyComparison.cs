using System.Globalization;
using Helpdesk.Grains.Balancing;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Studies;

/// <summary>Four departments of 12: dedicated staff against one pool, two-skill chains and the balancer, at three loads.</summary>
/// <remarks>Handle time 300 s and patience 180 s, both exponential; the service level counts answers within 20 s.</remarks>
public static class PolicyComparison
{
    /// <summary>Operators per department.</summary>
    public const int OperatorsPerDepartment = 12;

    /// <summary>Mean handle time, in seconds.</summary>
    public const double HandleTimeSeconds = 300;

    /// <summary>Customers' mean patience, in seconds.</summary>
    public const double PatienceSeconds = 180;

    /// <summary>
    /// The balancer's numbers: the default policy set to the center's own goal, 90% within 20 s, and back home only at 95%, since a
    /// target plus a margin above 1 could never be reached.
    /// </summary>
    public static BalancerPolicy Balancer { get; } = BalancerPolicy.Default with { TargetServiceLevel = 0.9, ReturnMargin = 0.05 };

    /// <summary>The loads compared: even, a slope, and a surge in one department.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Loads { get; } = [[10, 10, 10, 10], [13, 11, 9, 7], [16, 10, 8, 6]];

    /// <summary>E.g. "16/10/8/6".</summary>
    public static string Name(IReadOnlyList<double> loads) => string.Join('/', loads.Select(load => load.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The scenario of one load and policy, measured for <paramref name="measured"/> after an hour's warm-up.</summary>
    public static Scenario Scenario(IReadOnlyList<double> loads, Staffing staffing, TimeSpan measured)
    {
        ArgumentNullException.ThrowIfNull(loads);
        return new(
            $"{Name(loads)} {staffing}",
            [.. loads.Select((load, i) => DepartmentSpec.Steady($"d{i + 1}", load, OperatorsPerDepartment))],
            staffing,
            Distribution.Exponential(HandleTimeSeconds),
            Distribution.Exponential(PatienceSeconds),
            measured + TimeSpan.FromHours(1),
            TimeSpan.FromHours(1)) { Balancer = Balancer };
    }

    /// <summary>Every load under every policy.</summary>
    public static IReadOnlyList<PolicyRow> Run(int replications, TimeSpan measured, int firstSeed = 1) =>
    [
        .. from loads in Loads
           from staffing in Enum.GetValues<Staffing>()
           select new PolicyRow(loads, staffing, Engine.Simulator.Replicate(Scenario(loads, staffing, measured), replications, firstSeed), Theory(loads, staffing)),
    ];

    /// <summary>Erlang A's service level and abandonment for the whole center: per department when dedicated, as one queue when pooled.</summary>
    public static (double ServiceLevel, double Abandonment)? Theory(IReadOnlyList<double> loads, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(loads);
        var queues = staffing switch
        {
            Staffing.Dedicated => loads.Select(load => (Load: load, Agents: OperatorsPerDepartment)).ToList(),
            Staffing.Pooled => [(loads.Sum(), OperatorsPerDepartment * loads.Count)],
            _ => null,
        };
        if (queues is null)
        {
            return null;
        }

        var forecasts = queues
            .Select(queue => (queue.Load, Forecast: QueueModel.Forecast(queue.Load / HandleTimeSeconds, HandleTimeSeconds, queue.Agents, TimeSpan.FromSeconds(20), PatienceSeconds)))
            .ToList();
        var total = forecasts.Sum(queue => queue.Load);
        return (forecasts.Sum(queue => queue.Load * queue.Forecast.ServiceLevel) / total, forecasts.Sum(queue => queue.Load * queue.Forecast.Abandonment) / total);
    }
}
