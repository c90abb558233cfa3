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
}
