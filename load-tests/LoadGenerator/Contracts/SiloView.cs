namespace Helpdesk.LoadGenerator.Contracts;

/// <summary>One silo of the cluster's membership.</summary>
internal sealed record SiloView(string Name, string Status, bool Live, int? Activations);
