namespace Helpdesk.Benchmarks.Measurement;

/// <summary>Latency percentiles of one paced run, in microseconds, and the rate actually achieved.</summary>
internal sealed record LatencySummary(int Calls, double AchievedPerSecond, double P50, double P99, double P999, double Max)
{
    /// <summary>No call to summarize: every figure is NaN, so a target compared with it is not met.</summary>
    public static LatencySummary None { get; } = new(0, 0, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarizes latencies, or <see cref="None"/> when there are none: for calls of one kind among others, which may not occur.</summary>
    public static LatencySummary OfAny(long[] ticks, TimeSpan elapsed) => ticks.Length == 0 ? None : Of(ticks, elapsed);

    /// <summary>Summarizes latencies given in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public static LatencySummary Of(long[] ticks, TimeSpan elapsed)
    {
        if (ticks.Length == 0)
        {
            throw new BenchmarkException("A paced run completed no call; raise --duration.");
        }

        Array.Sort(ticks);
        return new LatencySummary(
            ticks.Length,
            ticks.Length / elapsed.TotalSeconds,
            Micros(Percentile(ticks, 0.50)),
            Micros(Percentile(ticks, 0.99)),
            Micros(Percentile(ticks, 0.999)),
            Micros(ticks[^1]));
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Micros(long ticks) => ticks * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency;
}
