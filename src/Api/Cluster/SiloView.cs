namespace Helpdesk.Api.Cluster;

/// <summary>One silo, for ops.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its silo-to-silo endpoint.</param>
/// <param name="Status">active, leaving or stopped.</param>
/// <param name="Live">Whether its heartbeat is younger than a lease.</param>
/// <param name="PartitionsOwned">Partitions it holds now.</param>
/// <param name="Activations">Activations at its last heartbeat.</param>
/// <param name="CallsPerSecond">Grain calls per second at its last heartbeat.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Heartbeat">Its last heartbeat.</param>
public sealed record SiloView(string Name, string Address, string Status, bool Live, int PartitionsOwned, int Activations, double CallsPerSecond, DateTimeOffset StartedAt, DateTimeOffset Heartbeat);
