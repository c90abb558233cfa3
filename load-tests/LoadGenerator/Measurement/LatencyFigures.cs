namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>Latency percentiles of a set of requests, in milliseconds; NaN when there were none.</summary>
internal sealed record LatencyFigures(double P50, double P90, double P99, double Max)
{
    public static LatencyFigures None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);
}
