using System.Globalization;

namespace Helpdesk.Simulator.Results;

/// <summary>A figure's mean over independent replications, with the half-width of its 95% confidence interval.</summary>
/// <param name="Mean">The mean of the replications.</param>
/// <param name="HalfWidth">Half the 95% confidence interval (Student's t); 0 for a single replication.</param>
public sealed record Estimate(double Mean, double HalfWidth)
{
    // Student's t at 97.5% for 1 to 30 degrees of freedom; beyond, the normal's 1.96 is close enough.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The estimate from <paramref name="values"/>, one per replication.</summary>
    public static Estimate Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var mean = values.Average();
        if (values.Count == 1)
        {
            return new(mean, 0);
        }

        var variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1);
        var t = values.Count - 1 <= T975.Length ? T975[values.Count - 2] : 1.96;
        return new(mean, t * Math.Sqrt(variance / values.Count));
    }

    /// <summary>Whether the interval lies within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public bool WithinOf(double expected, double tolerance) => Math.Abs(Mean - expected) + HalfWidth <= tolerance;

    /// <summary>As a percentage, e.g. "84.6% ± 0.4".</summary>
    public string Percent() => string.Create(CultureInfo.InvariantCulture, $"{Mean * 100:0.0}% ± {HalfWidth * 100:0.0}");

    /// <summary>In its own unit, e.g. "8.2 ± 0.3".</summary>
    public string Plain(string format = "0.0") =>
        Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + HalfWidth.ToString(format, CultureInfo.InvariantCulture);
}
