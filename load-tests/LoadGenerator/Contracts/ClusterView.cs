namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>What <c>GET /api/cluster</c> answers, as far as the start-up reads it.</summary>
internal sealed record ClusterView(IReadOnlyList<SiloView> Silos);
