namespace Helpdesk.Benchmarks.Failover;

/// <summary>One read of every probe operator: those that did not answer 200, and why each did not.</summary>
/// <param name="Missed">The ids of the operators that did not answer 200.</param>
/// <param name="Failures">For each of them, what came instead: a status code such as <c>503</c>, <c>timeout</c> or <c>no connection</c>.</param>
internal sealed record ProbeRound(IReadOnlyList<string> Missed, IReadOnlyList<string> Failures)
{
    public bool AllAnswered => Missed.Count == 0;
}
