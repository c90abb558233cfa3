namespace Helpdesk.Benchmarks.Failover;

/// <summary>One kill of the failover suite.</summary>
/// <param name="Number">Which kill, from 1.</param>
/// <param name="Victim">The silo killed, e.g. <c>silo2</c>.</param>
/// <param name="Activations">Grain activations it held just before the kill, by <c>GET /api/cluster</c>; <see langword="null"/> if the view gave none.</param>
/// <param name="DeclaredDead">From the kill until a survivor's membership no longer counted it active.</param>
/// <param name="Answering">How its grains came to answer again through the survivors.</param>
/// <param name="Operators">Probe operators read after the kill: this kill's new ones and every earlier kill's.</param>
internal sealed record KillResult(int Number, string Victim, int? Activations, TimeSpan DeclaredDead, Answering Answering, int Operators);
