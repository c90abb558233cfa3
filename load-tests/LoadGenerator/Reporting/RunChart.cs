using System.Globalization;
using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadTests.Shared;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>A run second by second as SVG: answered requests and contacts created per second and failed requests as bars on the left axis, p50 and p99 latency on the right (log scale), the end of the arrivals and a fault marked.</summary>
internal static class RunChart
{
    /// <param name="title">The chart's title.</param>
    /// <param name="seconds">The run's seconds from the first arrival.</param>
    /// <param name="arrivalsEnd">When the arrivals ended.</param>
    /// <param name="killedAt">When the run's fault came (a silo killed, paused or stopped, PostgreSQL restarted), if one did.</param>
    /// <param name="failoverTime">How long the failover took after it.</param>
    public static string Render(string title, IReadOnlyList<SecondFigures> seconds, TimeSpan arrivalsEnd, TimeSpan? killedAt, TimeSpan? failoverTime)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var plot = Chart.Start(title, "requests per second");
        plot.XLabel("seconds since the first arrival");
        var failed = plot.Add.Bars(seconds.Where(second => second.Failed > 0).Select(second => new Bar { Position = second.Second + 0.5, Value = second.Failed, FillColor = Chart.Alarm.WithAlpha(0.7), LineWidth = 0 }).ToArray());
        failed.LegendText = "requests failed";
        Line(plot, seconds, second => second.Ok + second.Refused, "requests answered", Chart.Colours[0], plot.Axes.Left);
        Line(plot, seconds, second => second.ContactsCreated, "contacts created", Chart.Colours[1], plot.Axes.Left);

        // Latency on a log scale: a failover's seconds-long waits and sub-millisecond reads on one axis.
        Line(plot, seconds, second => Math.Log10(second.P50), "p50 latency (ms, right)", Chart.Colours[3], plot.Axes.Right);
        Line(plot, seconds, second => Math.Log10(second.P99), "p99 latency (ms, right)", Chart.Colours[2], plot.Axes.Right);
        plot.Axes.Right.Label.Text = "ms (log)";
        plot.Axes.Right.Label.FontSize = 12;
        plot.Axes.Right.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = decade => Math.Pow(10, decade).ToString("0.##", CultureInfo.InvariantCulture),
        };

        Chart.Mark(plot, arrivalsEnd.TotalSeconds, "arrivals end", Colors.DimGray);
        if (killedAt is { } kill)
        {
            var failoverEnd = kill + (failoverTime ?? TimeSpan.Zero);
            if (failoverEnd > kill)
            {
                plot.Add.HorizontalSpan(kill.TotalSeconds, failoverEnd.TotalSeconds, Chart.Alarm.WithAlpha(0.08));
                Chart.Mark(plot, failoverEnd.TotalSeconds, string.Create(CultureInfo.InvariantCulture, $"failover over (+{(failoverEnd - kill).TotalSeconds:0.0} s)"), Chart.Alarm);
            }

            Chart.Mark(plot, kill.TotalSeconds, "fault", Chart.Alarm, onTop: true);
        }

        var rate = seconds.Select(second => (double)Math.Max(second.Ok + second.Refused, Math.Max(second.Failed, second.ContactsCreated))).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsX(0, Math.Max(1, Math.Max(seconds.Count, Math.Ceiling(arrivalsEnd.TotalSeconds))));
        plot.Axes.SetLimitsY(0, Math.Max(1, rate) * 1.1, plot.Axes.Left);
        return Chart.ToSvg(plot, 960, 540);
    }

    private static void Line(Plot plot, IReadOnlyList<SecondFigures> seconds, Func<SecondFigures, double> figure, string label, Color colour, IYAxis axis)
    {
        var points = seconds.Select(second => (X: second.Second + 0.5, Y: figure(second))).Where(point => double.IsFinite(point.Y)).ToList();
        var line = plot.Add.ScatterLine(points.Select(point => point.X).ToArray(), points.Select(point => point.Y).ToArray(), colour);
        line.LineWidth = 1.8f;
        line.LegendText = label;
        line.Axes.YAxis = axis;
    }
}
