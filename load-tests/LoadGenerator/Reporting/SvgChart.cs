using System.Globalization;
using System.Security;
using System.Text;
using Helpdesk.LoadGenerator.Measurement;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>A run second by second as a hand-written SVG: answered and failed requests and contacts created per second above, p50 and p99 latency (log scale) below, the end of the arrivals and a fault marked across both.</summary>
internal static class SvgChart
{
    private const int Width = 960;
    private const int Height = 520;
    private const int Left = 70;
    private const int Right = 20;
    private const int TopPanelTop = 60;
    private const int PanelHeight = 170;
    private const int BottomPanelTop = TopPanelTop + PanelHeight + 60;
    private const int PlotWidth = Width - Left - Right;

    private const string Answered = "#1f77b4";
    private const string Created = "#2ca02c";
    private const string Failed = "#d62728";
    private const string Median = "#7f7f7f";
    private const string Tail = "#ff7f0e";

    /// <param name="title">The chart's title.</param>
    /// <param name="seconds">The run's seconds from the first arrival.</param>
    /// <param name="arrivalsEnd">When the arrivals ended.</param>
    /// <param name="killedAt">When the run's fault came (a silo killed, paused or stopped, PostgreSQL restarted), if one did.</param>
    /// <param name="failoverTime">How long the failover took after it.</param>
    public static string Render(string title, IReadOnlyList<SecondFigures> seconds, TimeSpan arrivalsEnd, TimeSpan? killedAt, TimeSpan? failoverTime)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var span = Math.Max(1, Math.Max(seconds.Count, (int)Math.Ceiling(arrivalsEnd.TotalSeconds)));
        double X(double second) => Left + (PlotWidth * second / span);

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine(Invariant($"""<rect width="{Width}" height="{Height}" fill="white"/>"""));
        svg.AppendLine(Invariant($"""<text x="{Left}" y="24" font-size="15" font-weight="bold">{Escape(title)}</text>"""));

        // Requests per second.
        var maxRate = NiceCeiling(seconds.Select(s => (double)Math.Max(s.Ok + s.Refused, s.Failed)).DefaultIfEmpty(1).Max());
        double RateY(double value) => TopPanelTop + PanelHeight - (PanelHeight * value / maxRate);
        Axes(svg, TopPanelTop, span, X, [.. Ticks(maxRate).Select(tick => (RateY(tick), Figures.Count((long)tick)))], "per second");
        var barWidth = Math.Max(1, (PlotWidth / (double)span) - 1);
        foreach (var second in seconds.Where(s => s.Failed > 0))
        {
            var top = RateY(second.Failed);
            svg.AppendLine(Invariant($"""<rect x="{X(second.Second):0.#}" y="{top:0.#}" width="{barWidth:0.#}" height="{TopPanelTop + PanelHeight - top:0.#}" fill="{Failed}" fill-opacity="0.7"/>"""));
        }

        Line(svg, seconds.Select(s => (X(s.Second + 0.5), RateY(s.Ok + s.Refused))), Answered);
        Line(svg, seconds.Select(s => (X(s.Second + 0.5), RateY(s.ContactsCreated))), Created);
        Legend(svg, TopPanelTop - 10, [("requests answered", Answered), ("contacts created", Created), ("requests failed", Failed)]);

        // Latency per second, log scale: a failover's seconds-long waits and sub-millisecond reads on one axis.
        var latencies = seconds.SelectMany(s => new[] { s.P50, s.P99 }).Where(value => !double.IsNaN(value) && value > 0).DefaultIfEmpty(1).ToList();
        var low = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(0.01, latencies.Min()))));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(low * 10, latencies.Max()))));
        double LatencyY(double value) => BottomPanelTop + PanelHeight - (PanelHeight * (Math.Log10(Math.Clamp(value, low, high)) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)));
        var decades = new List<(double, string)>();
        for (var tick = low; tick <= high * 1.0001; tick *= 10)
        {
            decades.Add((LatencyY(tick), tick < 1 ? tick.ToString("0.##", CultureInfo.InvariantCulture) : Figures.Count((long)tick)));
        }

        Axes(svg, BottomPanelTop, span, X, decades, "ms (log)");
        Line(svg, seconds.Where(s => !double.IsNaN(s.P50)).Select(s => (X(s.Second + 0.5), LatencyY(s.P50))), Median);
        Line(svg, seconds.Where(s => !double.IsNaN(s.P99)).Select(s => (X(s.Second + 0.5), LatencyY(s.P99))), Tail);
        Legend(svg, BottomPanelTop - 10, [("p50 latency", Median), ("p99 latency", Tail)]);

        // Marks across both panels.
        Mark(svg, X(arrivalsEnd.TotalSeconds), "#555555", "arrivals end", 0);
        if (killedAt is { } kill)
        {
            var failoverEnd = kill + (failoverTime ?? TimeSpan.Zero);
            if (failoverEnd > kill)
            {
                foreach (var top in (int[])[TopPanelTop, BottomPanelTop])
                {
                    svg.AppendLine(Invariant($"""<rect x="{X(kill.TotalSeconds):0.#}" y="{top}" width="{X(failoverEnd.TotalSeconds) - X(kill.TotalSeconds):0.#}" height="{PanelHeight}" fill="{Failed}" fill-opacity="0.08"/>"""));
                }

                Mark(svg, X(failoverEnd.TotalSeconds), Failed, Invariant($"failover over (+{(failoverEnd - kill).TotalSeconds:0.0} s)"), 28);
            }

            Mark(svg, X(kill.TotalSeconds), Failed, "fault", 14);
        }

        svg.AppendLine(Invariant($"""<text x="{Left + (PlotWidth / 2)}" y="{Height - 8}" text-anchor="middle">seconds since the first arrival</text>"""));
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, int top, int span, Func<double, double> x, IReadOnlyList<(double Y, string Label)> ticks, string unit)
    {
        var bottom = top + PanelHeight;
        foreach (var (y, label) in ticks)
        {
            svg.AppendLine(Invariant($"""<line x1="{Left}" y1="{y:0.#}" x2="{Width - Right}" y2="{y:0.#}" stroke="#e5e5e5"/>"""));
            svg.AppendLine(Invariant($"""<text x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{Escape(label)}</text>"""));
        }

        svg.AppendLine(Invariant($"""<text x="14" y="{top + (PanelHeight / 2)}" text-anchor="middle" transform="rotate(-90 14 {top + (PanelHeight / 2)})">{Escape(unit)}</text>"""));
        svg.AppendLine(Invariant($"""<line x1="{Left}" y1="{bottom}" x2="{Width - Right}" y2="{bottom}" stroke="#333333"/>"""));
        svg.AppendLine(Invariant($"""<line x1="{Left}" y1="{top}" x2="{Left}" y2="{bottom}" stroke="#333333"/>"""));
        var step = NiceCeiling(span / 10.0);
        for (var second = 0.0; second <= span; second += step)
        {
            svg.AppendLine(Invariant($"""<line x1="{x(second):0.#}" y1="{bottom}" x2="{x(second):0.#}" y2="{bottom + 4}" stroke="#333333"/>"""));
            svg.AppendLine(Invariant($"""<text x="{x(second):0.#}" y="{bottom + 16}" text-anchor="middle">{second:0}</text>"""));
        }
    }

    private static void Line(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var path = string.Join(' ', list.Select(point => Invariant($"{point.X:0.#},{point.Y:0.#}")));
        svg.AppendLine(Invariant($"""<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.8"/>"""));
    }

    private static void Legend(StringBuilder svg, int y, IReadOnlyList<(string Label, string Colour)> entries)
    {
        var x = Left;
        foreach (var (label, colour) in entries)
        {
            svg.AppendLine(Invariant($"""<rect x="{x}" y="{y - 9}" width="12" height="10" fill="{colour}"/>"""));
            svg.AppendLine(Invariant($"""<text x="{x + 16}" y="{y}">{Escape(label)}</text>"""));
            x += 40 + (label.Length * 7);
        }
    }

    private static void Mark(StringBuilder svg, double x, string colour, string label, int offset)
    {
        svg.AppendLine(Invariant($"""<line x1="{x:0.#}" y1="{TopPanelTop}" x2="{x:0.#}" y2="{BottomPanelTop + PanelHeight}" stroke="{colour}" stroke-dasharray="5,4" stroke-width="1.5"/>"""));
        // Near the right edge the label goes to the left of its line, so it is not cut off.
        var leftOfLine = x > Width - Right - 140;
        svg.AppendLine(Invariant($"""<text x="{(leftOfLine ? x - 4 : x + 4):0.#}" y="{TopPanelTop + 12 + offset}" fill="{colour}"{(leftOfLine ? " text-anchor=\"end\"" : "")}>{Escape(label)}</text>"""));
    }

    /// <summary>Grid lines at a round step, four or five of them.</summary>
    private static IEnumerable<double> Ticks(double max)
    {
        var step = NiceCeiling(max / 5);
        for (var tick = 0.0; tick <= max + (step / 2); tick += step)
        {
            yield return tick;
        }
    }

    /// <summary>The smallest of 1, 2, 2.5 or 5 times a power of ten at or above <paramref name="value"/>.</summary>
    internal static double NiceCeiling(double value)
    {
        if (!(value > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(factor => factor * power).First(candidate => candidate >= value * 0.9999);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
