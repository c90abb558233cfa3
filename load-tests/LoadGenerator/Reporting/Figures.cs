using System.Globalization;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>How numbers read in tables: thousands separated, latencies to a tenth of a millisecond, nothing for NaN.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count and its noun, plural unless the count is one: "1 thing", "2 things".</summary>
    public static string Count(long value, string noun, string? plural = null) => $"{Count(value)} {(value == 1 ? noun : plural ?? noun + "s")}";

    public static string Rate(double value) => double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Millis(double value) => double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "N0" : value >= 10 ? "N1" : "N2", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";

    public static string Share(long part, long whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("N1", CultureInfo.InvariantCulture) + " %";
}
