using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Simulator.Model;

/// <summary>Everything one simulated run is made of, but its seed.</summary>
/// <param name="Name">How reports call it.</param>
/// <param name="Departments">The departments, their operators and loads.</param>
/// <param name="Staffing">Whose contacts each operator takes.</param>
/// <param name="HandleTime">How long a conversation lasts (at the first line, when lines differ).</param>
/// <param name="Patience">How long a customer waits before hanging up; <see langword="null"/> for customers who never do.</param>
/// <param name="Duration">How long contacts arrive, warm-up included.</param>
/// <param name="Warmup">The start of the run left out of the figures, while the queues fill.</param>
public sealed record Scenario(
    string Name,
    IReadOnlyList<DepartmentSpec> Departments,
    Staffing Staffing,
    Distribution HandleTime,
    Distribution? Patience,
    TimeSpan Duration,
    TimeSpan Warmup)
{
    /// <summary>The answer time the service level counts within (default 20 s).</summary>
    public TimeSpan Target { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a specialist's conversation lasts; the first line's when <see langword="null"/>.</summary>
    public Distribution? SpecialistHandleTime { get; init; }

    /// <summary>Who calls (default: unrated customers).</summary>
    public CustomerMix Customers { get; init; } = CustomerMix.Unrated;

    /// <summary>Whether the entry rule reads karma, so literate customers skip the first line (default on).</summary>
    public bool Karma { get; init; } = true;

    /// <summary>Whether difficult customers go to whoever carries least difficulty (default on).</summary>
    public bool Fairness { get; init; } = true;

    /// <summary>How departments rank their free operators (default longest idle).</summary>
    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.LongestIdle;

    /// <summary>The routing numbers; its difficulty threshold is lifted out of reach when <see cref="Fairness"/> is off.</summary>
    public RoutingPolicy Routing { get; init; } = RoutingPolicy.Default;

    /// <summary>The karma numbers.</summary>
    public KarmaPolicy KarmaPolicy { get; init; } = KarmaPolicy.Default;

    /// <summary>The balancer's numbers, for <see cref="Staffing.Balancer"/>.</summary>
    public BalancerPolicy Balancer { get; init; } = BalancerPolicy.Default;

    /// <summary>How long a shift lasts; operators' difficulty loads start again at each (default 8 h).</summary>
    public TimeSpan Shift { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The times of <paramref name="department"/>: its own, or the scenario's.</summary>
    public DepartmentTimes TimesOf(DepartmentSpec department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return department.Times ?? new DepartmentTimes(HandleTime, Patience, Target);
    }

    /// <summary>The routing policy the departments run.</summary>
    public RoutingPolicy EffectiveRouting => Fairness ? Routing : Routing with { DifficultFrom = double.PositiveInfinity };

    /// <summary>Why the scenario cannot run, or <see langword="null"/>.</summary>
    public string? Problem()
    {
        if (Departments.Count == 0)
        {
            return "A scenario needs at least one department.";
        }

        if (Departments.Any(department => department.Load.Count == 0 || department.Load[0].From != TimeSpan.Zero || department.Load.Any(step => step.Erlangs < 0)))
        {
            return "Each department's load starts at 0 with steps of 0 erlangs or more.";
        }

        if (Duration <= Warmup || Warmup < TimeSpan.Zero)
        {
            return "The duration must be longer than the warm-up, which is 0 or more.";
        }

        if (Departments.Select(TimesOf).Any(times => times.HandleTime.Mean <= 0 || times.Patience?.Mean <= 0 || times.Target <= TimeSpan.Zero))
        {
            return "Handle times and patience have a mean above 0, and answer targets are above 0.";
        }

        var ids = Departments.Select(department => department.Id).ToHashSet(StringComparer.Ordinal);
        if (Departments.Any(department => department.EffectiveGroups.Any(group => group.Count < 0 || (group.AlsoServes is { } other && (other == department.Id || !ids.Contains(other))))))
        {
            return "Operator groups count 0 or more, and the department they also serve is another of the scenario's.";
        }

        return HandleTime.Mean <= 0 || Patience?.Mean <= 0 ? "Handle times and patience have a mean above 0." : Balancer.Problem();
    }
}
