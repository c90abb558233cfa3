namespace Helpdesk.Runtime.Cluster;

/// <summary>A silo as the membership table knows it.</summary>
/// <param name="Silo">Its name.</param>
/// <param name="Address">Where it takes silo-to-silo calls.</param>
/// <param name="Status">active, leaving or stopped.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Heartbeat">When it last announced itself, by database time.</param>
/// <param name="IsLive">Whether its heartbeat is younger than a lease.</param>
/// <param name="Activations">Activations it reported at its last heartbeat.</param>
/// <param name="CallsPerSecond">Grain calls per second it reported at its last heartbeat.</param>
public sealed record SiloEntry(string Silo, string Address, string Status, DateTimeOffset StartedAt, DateTimeOffset Heartbeat, bool IsLive, int Activations, double CallsPerSecond);
