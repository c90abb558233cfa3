namespace Helpdesk.Benchmarks.Failover;

/// <summary>How the probe operators came to answer again through the survivors of a kill.</summary>
/// <param name="After">From the kill to the end of the first round in which every operator answered 200, confirmed by the next round.</param>
/// <param name="Rounds">Probe rounds until then, the confirming one included.</param>
/// <param name="Relapses">Rounds in which every operator answered that the next round did not confirm; they do not end the wait.</param>
/// <param name="Missed">Operators that did not answer 200 at least once: about those whose activations the killed silo held.</param>
/// <param name="Failures">The reads that failed, by kind, most frequent first, e.g. <c>180× 503, 4× timeout</c>; empty when none did.</param>
internal sealed record Answering(TimeSpan After, int Rounds, int Relapses, int Missed, string Failures);
