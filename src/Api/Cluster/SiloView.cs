namespace Helpdesk.Api.Cluster;

/// <summary>One silo, for ops.</summary>
/// <param name="Name">Its name (<c>Orleans:SiloName</c>).</param>
/// <param name="Address">Its silo-to-silo endpoint and generation, as Orleans names it.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Status">Its membership status: <c>joining</c>, <c>active</c>, <c>shutting_down</c>, <c>stopping</c> or <c>dead</c>.</param>
/// <param name="Live">Whether it is active.</param>
/// <param name="Activations">Grain activations it holds now; <see langword="null"/> unless it is live.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Heartbeat">When it last wrote that it is alive.</param>
public sealed record SiloView(string Name, string Address, string Host, string Status, bool Live, int? Activations, DateTimeOffset StartedAt, DateTimeOffset Heartbeat);
