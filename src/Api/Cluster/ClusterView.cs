namespace Helpdesk.Api.Cluster;

/// <summary>The cluster as its membership table has it: every silo that joined, live or not.</summary>
/// <param name="Silos">Each silo, the live ones first, then by name.</param>
public sealed record ClusterView(IReadOnlyList<SiloView> Silos);
