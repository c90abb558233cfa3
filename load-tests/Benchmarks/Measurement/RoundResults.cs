using System.Globalization;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>Every measured round of one subject; a figure is the median over the rounds.</summary>
internal sealed record RoundResults<T>(string Subject, IReadOnlyList<T> Rounds)
{
    public double Median(Func<T, double> figure)
    {
        var sorted = Rounds.Select(figure).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The lowest and highest round, e.g. <c>1,020,000–1,160,000</c>, to show how much the machine wobbled.</summary>
    public string Spread(Func<T, double> figure, string format)
    {
        var values = Rounds.Select(figure).ToArray();
        return Rounds.Count == 1
            ? values[0].ToString(format, CultureInfo.InvariantCulture)
            : $"{values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)}";
    }
}
