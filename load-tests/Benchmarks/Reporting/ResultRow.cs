namespace Helpdesk.Benchmarks.Reporting;

/// <summary>One line of the result table: our figure beside its ceiling on the same machine; <c>Met</c> is <see langword="null"/> when the line has no target.</summary>
internal sealed record ResultRow(string Benchmark, string Ours, string Ceiling, string Ratio, string Target, bool? Met)
{
    /// <summary>A rate where more is better; the target is an absolute floor and a floor on the share of the ceiling.</summary>
    public static ResultRow Throughput(string benchmark, string unit, double ours, double ceiling, double minimum, double minimumShare)
    {
        var share = ours / ceiling;
        return new ResultRow(
            benchmark,
            $"{ours:N0} {unit}",
            $"{ceiling:N0} {unit}",
            $"{share:P1} of ceiling",
            $"≥ {minimum:N0} {unit} and ≥ {minimumShare:P0}",
            ours >= minimum && share >= minimumShare);
    }

    /// <summary>A rate where more is better, whose target is an absolute floor only: the ceiling is there to compare with, not to reach.</summary>
    public static ResultRow Rate(string benchmark, string unit, double ours, double ceiling, double minimum) =>
        new(
            benchmark,
            $"{ours:N0} {unit}",
            $"{ceiling:N0} {unit}",
            $"{ours / ceiling:P1} of ceiling",
            $"≥ {minimum:N0} {unit}",
            ours >= minimum);

    /// <summary>A duration where less is better, beside a reference duration named <paramref name="ceilingName"/>; the target, if any, is a ceiling.</summary>
    public static ResultRow Seconds(string benchmark, TimeSpan ours, TimeSpan ceiling, string ceilingName, TimeSpan? maximum) =>
        new(
            benchmark,
            $"{ours.TotalSeconds:N2} s",
            $"{ceiling.TotalSeconds:N2} s ({ceilingName})",
            $"{ours / ceiling:N2}× {ceilingName}",
            maximum is { } limit ? $"≤ {limit.TotalSeconds:N0} s" : "",
            maximum is { } bound ? ours <= bound : null);

    /// <summary>A latency where less is better; the target, if any, is a ceiling in microseconds.</summary>
    public static ResultRow Latency(string benchmark, double oursMicros, double ceilingMicros, double? maximumMicros) =>
        new(
            benchmark,
            $"{oursMicros:N1} µs",
            $"{ceilingMicros:N1} µs",
            $"{oursMicros / ceilingMicros:N1}× ceiling",
            maximumMicros is { } maximum ? $"≤ {maximum:N0} µs" : "",
            maximumMicros is { } limit ? oursMicros <= limit : null);

    /// <summary>A latency given in microseconds and shown in milliseconds, for calls that cross HTTP and storage; the target, if any, is a ceiling.</summary>
    public static ResultRow Milliseconds(string benchmark, double oursMicros, double ceilingMicros, double? maximumMicros) =>
        new(
            benchmark,
            $"{oursMicros / 1_000:N2} ms",
            $"{ceilingMicros / 1_000:N2} ms",
            $"{oursMicros / ceilingMicros:N1}× ceiling",
            maximumMicros is { } maximum ? $"≤ {maximum / 1_000:N0} ms" : "",
            maximumMicros is { } limit ? oursMicros <= limit : null);

    /// <summary>A share of calls (0–1) beside the ceiling's; the target, if any, is a floor, 1 meaning every call.</summary>
    public static ResultRow Share(string benchmark, double ours, double ceiling, double? minimum) =>
        new(
            benchmark,
            $"{ours:P1}",
            $"{ceiling:P1}",
            "",
            minimum switch
            {
                null => "",
                >= 1 => "100 % (no failure)",
                { } floor => $"≥ {floor:P0}",
            },
            minimum is { } least ? ours >= least : null);
}
