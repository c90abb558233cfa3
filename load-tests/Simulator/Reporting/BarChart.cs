using System.Globalization;
using System.Net;
using System.Text;

namespace Helpdesk.Simulator.Reporting;

/// <summary>A grouped bar chart drawn as SVG: one group per category, one bar per series, an optional target line.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Axis">What the bars measure, e.g. "answered within 20 s (%)".</param>
/// <param name="Groups">The categories along the bottom.</param>
/// <param name="Series">The bars of each group, with the legend's names.</param>
/// <param name="Values">Values[group][series], in the axis's unit.</param>
/// <param name="Maximum">The top of the axis.</param>
/// <param name="Target">A horizontal line, e.g. the target, and its label.</param>
internal sealed record BarChart(string Title, string Axis, IReadOnlyList<string> Groups, IReadOnlyList<string> Series, double[][] Values, double Maximum, (double Value, string Label)? Target = null)
{
    private static readonly string[] Colours = ["#8c8c8c", "#2b6cb0", "#38a169", "#dd6b20", "#805ad5"];
    private const int Width = 760;
    private const int Height = 360;
    private const int Left = 60;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 70;

    public string ToSvg()
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(double value) => Top + plotHeight - (Math.Clamp(value, 0, Maximum) / Maximum * plotHeight);
        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">"""));
        svg.Append(Invariant($"""<rect width="{Width}" height="{Height}" fill="white"/><text x="{Width / 2}" y="22" text-anchor="middle" font-size="15">{Escape(Title)}</text>"""));
        for (var tick = 0; tick <= 5; tick++)
        {
            var value = Maximum * tick / 5;
            svg.Append(Invariant($"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(value):0.#}" y2="{Y(value):0.#}" stroke="#e2e8f0"/><text x="{Left - 6}" y="{Y(value) + 4:0.#}" text-anchor="end">{value:0.#}</text>"""));
        }

        svg.Append(Invariant($"""<text transform="translate(16 {Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">{Escape(Axis)}</text>"""));
        var groupWidth = (double)plotWidth / Groups.Count;
        var barWidth = groupWidth * 0.8 / Series.Count;
        for (var g = 0; g < Groups.Count; g++)
        {
            var x0 = Left + (g * groupWidth) + (groupWidth * 0.1);
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Values[g][s];
                var x = x0 + (s * barWidth);
                svg.Append(Invariant($"""<rect x="{x:0.#}" y="{Y(value):0.#}" width="{barWidth - 2:0.#}" height="{Top + plotHeight - Y(value):0.#}" fill="{Colours[s % Colours.Length]}"><title>{Escape(Groups[g])}, {Escape(Series[s])}: {value:0.0}</title></rect>"""));
                svg.Append(Invariant($"""<text x="{x + ((barWidth - 2) / 2):0.#}" y="{Y(value) - 3:0.#}" text-anchor="middle" font-size="10">{value:0.0}</text>"""));
            }

            svg.Append(Invariant($"""<text x="{x0 + (groupWidth * 0.4):0.#}" y="{Top + plotHeight + 18}" text-anchor="middle">{Escape(Groups[g])}</text>"""));
        }

        if (Target is { } target)
        {
            svg.Append(Invariant($"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(target.Value):0.#}" y2="{Y(target.Value):0.#}" stroke="#e53e3e" stroke-dasharray="6 4"/><text x="{Width - Right}" y="{Y(target.Value) - 4:0.#}" text-anchor="end" fill="#e53e3e">{Escape(target.Label)}</text>"""));
        }

        var legendX = (double)Left;
        for (var s = 0; s < Series.Count; s++)
        {
            svg.Append(Invariant($"""<rect x="{legendX:0.#}" y="{Height - 28}" width="12" height="12" fill="{Colours[s % Colours.Length]}"/><text x="{legendX + 16:0.#}" y="{Height - 18}">{Escape(Series[s])}</text>"""));
            legendX += 30 + (Series[s].Length * 7);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
