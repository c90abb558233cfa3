using Helpdesk.Grains.Routing;

namespace Helpdesk.Simulator.Model;

/// <summary>One department: its own operators and the load it is offered over the run.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Load">Its offered load, step by step; the first step begins at 0.</param>
/// <param name="FirstLine">Its own first-line operators.</param>
/// <param name="Specialists">Its own second-line operators.</param>
public sealed record DepartmentSpec(string Id, IReadOnlyList<LoadStep> Load, int FirstLine, int Specialists = 0)
{
    /// <summary>A department offered a steady load.</summary>
    public static DepartmentSpec Steady(string id, double erlangs, int operators) => new(id, [new LoadStep(TimeSpan.Zero, erlangs)], operators);

    /// <summary>Its operators of both lines.</summary>
    public int Operators => FirstLine + Specialists;

    /// <summary>Its handle time, patience and answer target, where they are its own; the scenario's otherwise.</summary>
    public DepartmentTimes? Times { get; init; }

    /// <summary>Its operators in groups, where some also serve another department; by default its first line, then its specialists.</summary>
    public IReadOnlyList<OperatorGroup> Groups { get; init; } = [];

    /// <summary>The groups its operators form: <see cref="Groups"/> when given, else one of each line.</summary>
    public IReadOnlyList<OperatorGroup> EffectiveGroups =>
        Groups.Count > 0 ? Groups : [.. new[] { new OperatorGroup(FirstLine, Line.L1), new OperatorGroup(Specialists, Line.L2) }.Where(group => group.Count > 0)];
}

/// <summary>A department's own times.</summary>
/// <param name="HandleTime">How long its conversations last.</param>
/// <param name="Patience">How long its customers wait before giving up; <see langword="null"/> when they never do.</param>
/// <param name="Target">The answer time its service level counts within.</param>
public sealed record DepartmentTimes(Distribution HandleTime, Distribution? Patience, TimeSpan Target);

/// <summary>Some of a department's operators.</summary>
/// <param name="Count">How many.</param>
/// <param name="Line">Their line.</param>
/// <param name="AlsoServes">Another department whose contacts they take when none of their own wait, if any.</param>
public sealed record OperatorGroup(int Count, Line Line, string? AlsoServes = null);
