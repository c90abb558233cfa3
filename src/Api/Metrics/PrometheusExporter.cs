using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Numerics;
using System.Text;

namespace Helpdesk.Api.Metrics;

/// <summary>Aggregates this host's measurements and renders them in the Prometheus text format at every scrape.</summary>
/// <remarks>
/// A <see cref="MeterListener"/> sees every meter in the process, and tests run several silos in one process, so it
/// takes only meters created by this host's <see cref="IMeterFactory"/>: the runtime's, and ASP.NET Core's request metrics.
/// </remarks>
internal sealed class PrometheusExporter : IDisposable
{
    private const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && IsExported(instrument.Meter) && FamilyOf(instrument) is { } family)
            {
                listener.EnableMeasurementEvents(instrument, family);
            }
        };
        _listener.SetMeasurementEventCallback<byte>(OnMeasurement);
        _listener.SetMeasurementEventCallback<short>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<float>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and renders every metric measured so far.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(family => family.Name, StringComparer.Ordinal))
        {
            family.Render(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsExported(Meter meter) =>
        meter.Name.StartsWith("Helpdesk.", StringComparison.Ordinal) || meter.Name == AspNetCoreHostingMeter;

    private static void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T> =>
        ((MetricFamily)state!).Record(double.CreateTruncating(measurement), tags);

    // Instruments that map to one Prometheus name share its family; one of another type is left out, as Prometheus allows one type per name.
    private MetricFamily? FamilyOf(Instrument instrument)
    {
        if (MetricFamily.For(instrument) is not { } created)
        {
            return null;
        }

        var family = _families.GetOrAdd(created.Name, created);
        return family.Kind == created.Kind ? family : null;
    }
}
