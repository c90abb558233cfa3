namespace Helpdesk.Benchmarks.Measurement;

/// <summary>What one run's calls came to: how many were offered, queued or refused, and the latencies of the placed ones.</summary>
/// <param name="Offered">Calls whose contact was offered to an operator at once.</param>
/// <param name="Queued">Calls whose contact was placed in a queue.</param>
/// <param name="Failed">Calls refused or unanswered.</param>
/// <param name="Failures">The refusals by kind, most frequent first, e.g. <c>3× HTTP 500</c>; empty when none.</param>
/// <param name="Placed">Latencies of the offered and queued calls together.</param>
/// <param name="OfferedOnly">Latencies of the offered calls.</param>
internal sealed record OutcomeSummary(long Offered, long Queued, long Failed, string Failures, LatencySummary Placed, LatencySummary OfferedOnly)
{
    public long Calls => Offered + Queued + Failed;

    public double OfferedShare => Share(Offered);

    public double QueuedShare => Share(Queued);

    public double PlacedShare => Share(Offered + Queued);

    private double Share(long count) => Calls == 0 ? double.NaN : (double)count / Calls;
}
