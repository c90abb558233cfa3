namespace Helpdesk.Api.Metrics;

/// <summary>The Prometheus metric type an instrument is exported as.</summary>
internal enum MetricKind
{
    /// <summary>A sum that only grows; the name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down: the last observation, or a running sum for up-down counters.</summary>
    Gauge,

    /// <summary>Cumulative buckets, a sum and a count.</summary>
    Histogram,
}
