using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Helpdesk.Api.Metrics;

/// <summary>One exported metric: its name, type and help, and one series per set of labels.</summary>
internal sealed class MetricFamily
{
    // OpenTelemetry's default boundaries, for histograms that advise none.
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    // Per instrument type: what Prometheus type it becomes, and whether a measurement replaces the value instead of adding to it.
    private static readonly Dictionary<Type, (MetricKind Kind, bool Replaces)> Kinds = new()
    {
        [typeof(Counter<>)] = (MetricKind.Counter, false),
        [typeof(ObservableCounter<>)] = (MetricKind.Counter, true),
        [typeof(UpDownCounter<>)] = (MetricKind.Gauge, false),
        [typeof(ObservableUpDownCounter<>)] = (MetricKind.Gauge, true),
        [typeof(Gauge<>)] = (MetricKind.Gauge, true),
        [typeof(ObservableGauge<>)] = (MetricKind.Gauge, true),
        [typeof(Histogram<>)] = (MetricKind.Histogram, false),
    };

    private readonly ConcurrentDictionary<KeyValuePair<string, object?>[], MetricSeries> _byTags = new(TagListComparer.Instance);
    private readonly ConcurrentDictionary<KeyValuePair<string, object?>[], MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _byTagsLookup;
    private readonly ConcurrentDictionary<string, MetricSeries> _byLabels = new(StringComparer.Ordinal);
    private readonly bool _replaces;
    private readonly double[] _bounds;

    private MetricFamily(string name, MetricKind kind, bool replaces, string help, double[] bounds)
    {
        Name = name;
        Kind = kind;
        Help = help;
        _replaces = replaces;
        _bounds = bounds;
        _byTagsLookup = _byTags.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public string Name { get; }

    public MetricKind Kind { get; }

    public string Help { get; }

    /// <summary>The family an instrument is exported as, or <see langword="null"/> for an instrument type Prometheus has no place for.</summary>
    public static MetricFamily? For(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType || !Kinds.TryGetValue(type.GetGenericTypeDefinition(), out var kind))
        {
            return null;
        }

        return new MetricFamily(
            PrometheusText.MetricName(instrument, kind.Kind),
            kind.Kind,
            kind.Replaces,
            instrument.Description ?? instrument.Name,
            kind.Kind == MetricKind.Histogram ? BucketsOf(instrument) : []);
    }

    /// <summary>Adds a measurement to the series of its tags; called on whichever thread recorded it.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesOf(tags);
        if (Kind == MetricKind.Histogram)
        {
            if (!double.IsNaN(value))
            {
                var index = Array.BinarySearch(_bounds, value);
                series.Observe(index >= 0 ? index : ~index, value);
            }
        }
        else if (_replaces)
        {
            series.Set(value);
        }
        else
        {
            series.Add(value);
        }
    }

    /// <summary>Appends the <c># HELP</c> and <c># TYPE</c> lines and every sample; nothing if nothing was measured.</summary>
    public void Render(StringBuilder text)
    {
        var series = _byLabels.Values.OrderBy(one => one.Labels, StringComparer.Ordinal).ToArray();
        if (series.Length == 0)
        {
            return;
        }

        text.Append("# HELP ").Append(Name).Append(' ');
        PrometheusText.AppendHelp(text, Help);
        text.Append("\n# TYPE ").Append(Name).Append(' ').Append(Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Gauge => "gauge",
            _ => "histogram",
        }).Append('\n');
        foreach (var one in series)
        {
            if (Kind == MetricKind.Histogram)
            {
                RenderHistogram(text, one);
            }
            else
            {
                AppendSample(text, Name, one.Labels, one.Value);
            }
        }
    }

    private static double[] BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds],
        Histogram<float> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(bound => (double)bound)],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(bound => (double)bound)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds.Select(bound => (double)bound)],
        _ => DefaultBuckets,
    };

    private static void AppendSample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(PrometheusText.Number(value)).Append('\n');
    }

    private void RenderHistogram(StringBuilder text, MetricSeries series)
    {
        var buckets = series.CumulativeBuckets();
        var labels = series.Labels.Length == 0 ? "" : series.Labels + ",";
        for (var i = 0; i < buckets.Length; i++)
        {
            var bound = i < _bounds.Length ? PrometheusText.Number(_bounds[i]) : "+Inf";
            AppendSample(text, Name + "_bucket", $"{labels}le=\"{bound}\"", buckets[i]);
        }

        AppendSample(text, Name + "_sum", series.Labels, series.Value);
        AppendSample(text, Name + "_count", series.Labels, buckets[^1]);
    }

    // Recording happens on every grain call, so a known tag list is found without allocating.
    private MetricSeries SeriesOf(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _byTagsLookup.TryGetValue(tags, out var series) ? series : AddSeries(tags);

    // Tags recorded in another order, or named alike once sanitized, share one series: Prometheus refuses duplicates.
    private MetricSeries AddSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            labels.TryAdd(PrometheusText.LabelName(tag.Key), PrometheusText.TagValue(tag.Value));
        }

        var text = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            text.Append(text.Length == 0 ? "" : ",").Append(name).Append("=\"");
            PrometheusText.AppendLabelValue(text, value);
            text.Append('"');
        }

        var bucketCount = Kind == MetricKind.Histogram ? _bounds.Length + 1 : 0;
        var series = _byLabels.GetOrAdd(text.ToString(), static (labels, buckets) => new MetricSeries(labels, buckets), bucketCount);
        return _byTags.GetOrAdd(tags.ToArray(), series);
    }
}
