namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>Nearest-rank percentiles of latencies, as milliseconds.</summary>
internal static class Percentiles
{
    /// <summary>The value below or at which <paramref name="quantile"/> of the sorted values lie (nearest rank); NaN for none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>p50, p90, p99 and the maximum of <paramref name="milliseconds"/>, in any order; NaN each for none.</summary>
    public static LatencyFigures Summarize(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return new LatencyFigures(Of(sorted, 0.50), Of(sorted, 0.90), Of(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
