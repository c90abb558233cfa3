using ScottPlot;

namespace Helpdesk.LoadTests.Shared;

/// <summary>The tools' charts, drawn by ScottPlot in one style and saved as SVG.</summary>
public static class Chart
{
    /// <summary>The colours of the series, in order, one per series; the target and the fault are drawn in <see cref="Alarm"/>.</summary>
    public static readonly IReadOnlyList<Color> Colours = [Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"), Color.FromHex("#7f7f7f"), Color.FromHex("#9467bd")];

    /// <summary>The colour of a target, failures and a fault.</summary>
    public static readonly Color Alarm = Color.FromHex("#d62728");

    /// <summary>The sans-serif family of the charts' text where the machine has it, so every machine draws them alike.</summary>
    private const string Font = "DejaVu Sans";

    /// <summary>A plot with the charts' title, fonts and legend (below it, clear of the data), ready for series.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="axis">What the left axis measures.</param>
    public static Plot Start(string title, string axis)
    {
        var plot = new Plot();
        if (Fonts.GetTypeface(Font, bold: false, italic: false) is not null)
        {
            plot.Font.Set(Font);
        }

        plot.Title(title, size: 15);
        plot.YLabel(axis, size: 12);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>A dashed vertical line across the plot with a label, e.g. when a fault came.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="x">Where, in the bottom axis's unit.</param>
    /// <param name="label">What happened there.</param>
    /// <param name="colour">The line's colour.</param>
    /// <param name="onTop">Whether the label goes above the plot rather than below, to keep two close marks' labels apart.</param>
    public static void Mark(Plot plot, double x, string label, Color colour, bool onTop = false)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.VerticalLine(x, 1.5f, colour, LinePattern.Dashed);
        line.LabelText = label;
        line.LabelOppositeAxis = onTop;
        line.ExcludeFromLegend = true;
        if (onTop)
        {
            // Room between the plot and the title for the label.
            plot.Axes.Top.MinimumSize = 28;
        }
    }

    /// <summary>The plot as an SVG document.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static string ToSvg(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>A grouped bar chart: one group per category, one bar per series with its value above it, an optional target line.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="axis">What the bars measure, e.g. "% of contacts".</param>
    /// <param name="groups">The categories along the bottom.</param>
    /// <param name="series">The bars of each group, with the legend's names.</param>
    /// <param name="values">values[group][series], in the axis's unit.</param>
    /// <param name="maximum">The top of the axis.</param>
    /// <param name="target">A horizontal line, e.g. the target, and its label.</param>
    public static string GroupedBars(string title, string axis, IReadOnlyList<string> groups, IReadOnlyList<string> series, double[][] values, double maximum, (double Value, string Label)? target = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(values);
        var plot = Start(title, axis);
        var stride = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Count];
            var bars = plot.Add.Bars(groups.Select((_, g) => new Bar
            {
                Position = (g * stride) + s,
                Value = values[g][s],
                FillColor = colour,
                Label = values[g][s].ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList());
            bars.LegendText = series[s];
        }

        plot.Axes.Bottom.SetTicks([.. groups.Select((_, g) => (g * stride) + ((series.Count - 1) / 2.0))], [.. groups]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(-1, (groups.Count * stride) - 1, 0, maximum * 1.08);
        if (target is { } line)
        {
            var drawn = plot.Add.HorizontalLine(line.Value, 1.5f, Alarm, LinePattern.Dashed);
            drawn.LabelText = line.Label;
            drawn.LabelOppositeAxis = true;
            plot.Axes.Right.MinimumSize = 30;
            drawn.ExcludeFromLegend = true;
        }

        return ToSvg(plot, 760, 400);
    }
}
