namespace Helpdesk.Grains.Routing;

/// <summary>What a waiting contact does when it has waited <see cref="After"/>.</summary>
/// <param name="After">The wait after which the step applies.</param>
/// <param name="Action">How the pool of operators widens.</param>
/// <param name="Department">The neighbouring department, for <see cref="EscalationAction.NeighbourDepartment"/>.</param>
[GenerateSerializer, Alias("helpdesk.EscalationStep")]
public sealed record EscalationStep(
    [property: Id(0)] TimeSpan After,
    [property: Id(1)] EscalationAction Action,
    [property: Id(2)] string? Department = null);

/// <summary>How an escalation step widens a waiting contact's pool.</summary>
public enum EscalationAction
{
    /// <summary>Operators of the next line may take it too.</summary>
    NextLine,

    /// <summary>It moves to a neighbouring department's queue.</summary>
    NeighbourDepartment,

    /// <summary>Its skill requirement is dropped.</summary>
    RelaxSkill,
}
