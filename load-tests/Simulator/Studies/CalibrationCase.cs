using System.Globalization;
using Helpdesk.Grains.Balancing;
using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Studies;

/// <summary>One department, one skill, first come first served: a queue whose figures queueing theory gives exactly.</summary>
/// <param name="Agents">Operators.</param>
/// <param name="Erlangs">Offered load.</param>
/// <param name="HandleTimeSeconds">Mean handle time, exponential.</param>
/// <param name="TargetSeconds">The service level's answer time.</param>
/// <param name="PatienceSeconds">Customers' mean patience, exponential (Erlang A); <see langword="null"/> for Erlang C.</param>
public sealed record CalibrationCase(int Agents, double Erlangs, double HandleTimeSeconds, double TargetSeconds, double? PatienceSeconds)
{
    /// <summary>The cases the issue names: two of Erlang C, one of Erlang A.</summary>
    public static IReadOnlyList<CalibrationCase> Standard { get; } =
    [
        new(55, 48, 240, 15, null),
        new(48, 40, 300, 20, null),
        new(48, 40, 300, 20, 180),
    ];

    /// <summary>E.g. "Erlang C: 55 operators, 48 erlangs, h 240 s, 15 s".</summary>
    public string Name => string.Create(
        CultureInfo.InvariantCulture,
        $"Erlang {(PatienceSeconds is null ? "C" : "A")}: {Agents} operators, {Erlangs} erlangs, h {HandleTimeSeconds} s, {TargetSeconds} s{(PatienceSeconds is { } patience ? $", patience {patience} s" : "")}");

    /// <summary>What theory says: Erlang C, or Erlang A with the patience.</summary>
    public QueueForecast Theory => QueueModel.Forecast(Erlangs / HandleTimeSeconds, HandleTimeSeconds, Agents, TimeSpan.FromSeconds(TargetSeconds), PatienceSeconds);

    /// <summary>The scenario that simulates it for <paramref name="measured"/> after a warm-up of an hour.</summary>
    public Scenario Scenario(TimeSpan measured) => new(
        Name,
        [DepartmentSpec.Steady("queue", Erlangs, Agents)],
        Staffing.Dedicated,
        Distribution.Exponential(HandleTimeSeconds),
        PatienceSeconds is { } patience ? Distribution.Exponential(patience) : null,
        measured + TimeSpan.FromHours(1),
        TimeSpan.FromHours(1))
    {
        Target = TimeSpan.FromSeconds(TargetSeconds),
    };
}
