using System.Globalization;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>How long the survivors took to own every partition after each kill, and the replacement to settle after each restart.</summary>
internal sealed record FailoverTimes(LeaseSettings Leases, IReadOnlyList<TimeSpan> Takeovers, IReadOnlyList<TimeSpan> Rebalances)
{
    public TimeSpan Min => Takeovers.Min();

    public TimeSpan Max => Takeovers.Max();

    public TimeSpan Median => MedianOf(Takeovers);

    public TimeSpan MedianRebalance => MedianOf(Rebalances);

    /// <summary>Every takeover in seconds, in the order of the kills.</summary>
    public string Each => string.Join(", ", Takeovers.Select(time => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)));

    private static TimeSpan MedianOf(IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
