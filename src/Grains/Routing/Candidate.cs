namespace Helpdesk.Grains.Routing;

/// <summary>An operator who may take a contact, with the score that ranked them.</summary>
/// <param name="OperatorId">The operator.</param>
/// <param name="Score">Their rank under the strategy (0–1) plus any calm-customer reward; higher wins.</param>
/// <param name="DifficultyLoad">Their difficulty load before this contact.</param>
[GenerateSerializer, Alias("helpdesk.Candidate")]
public sealed record Candidate([property: Id(0)] string OperatorId, [property: Id(1)] double Score, [property: Id(2)] double DifficultyLoad);
