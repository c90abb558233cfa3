using System.Collections.Concurrent;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>The outcomes and latencies of one run's calls, added from any thread.</summary>
internal sealed class OutcomeTally
{
    private readonly ConcurrentQueue<long> _offered = new();
    private readonly ConcurrentQueue<long> _queued = new();
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);

    /// <param name="outcome">How the call ended.</param>
    /// <param name="ticks">How long it took, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
    public void Add(Outcome outcome, long ticks)
    {
        if (outcome.Failure is { } failure)
        {
            _failures.AddOrUpdate(failure, 1, (_, count) => count + 1);
        }
        else
        {
            (outcome.Offered ? _offered : _queued).Enqueue(ticks);
        }
    }

    public OutcomeSummary Summarize(TimeSpan elapsed)
    {
        long[] offered = [.. _offered];
        long[] placed = [.. offered, .. _queued];
        var failures = _failures.OrderByDescending(failure => failure.Value).ToList();
        return new OutcomeSummary(
            offered.Length,
            placed.Length - offered.Length,
            failures.Sum(failure => failure.Value),
            string.Join(", ", failures.Select(failure => $"{failure.Value:N0}× {failure.Key}")),
            LatencySummary.OfAny(placed, elapsed),
            LatencySummary.OfAny(offered, elapsed));
    }
}
