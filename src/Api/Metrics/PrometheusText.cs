using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Helpdesk.Api.Metrics;

/// <summary>Names, escaping and numbers of the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The Prometheus name of an instrument: <c>helpdesk.grain.calls</c> → <c>helpdesk_grain_calls_total</c>.</summary>
    /// <remarks>Units become the base-unit suffix Prometheus expects; annotations such as <c>{call}</c> add nothing.</remarks>
    public static string MetricName(Instrument instrument, MetricKind kind)
    {
        var name = Sanitize(instrument.Name);
        var unit = instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        if (!name.EndsWith(unit, StringComparison.Ordinal))
        {
            name += unit;
        }

        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>A label name: characters outside <c>[a-zA-Z0-9_]</c> become <c>_</c>, and it never starts with a digit.</summary>
    public static string LabelName(string tag) => Sanitize(tag);

    /// <summary>Help text: backslashes and line breaks escaped.</summary>
    public static void AppendHelp(StringBuilder text, string help) => AppendEscaped(text, help, escapeQuotes: false);

    /// <summary>A label value: backslashes, double quotes and line breaks escaped.</summary>
    public static void AppendLabelValue(StringBuilder text, string value) => AppendEscaped(text, value, escapeQuotes: true);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The text of a tag value, formatted as invariant culture.</summary>
    public static string TagValue(object? value) => value switch
    {
        null => "",
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var character in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
        }

        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder text, string value, bool escapeQuotes)
    {
        foreach (var character in value)
        {
            _ = character switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                '"' when escapeQuotes => text.Append("\\\""),
                _ => text.Append(character),
            };
        }
    }
}
