using Helpdesk.Runtime.Cluster;

namespace Helpdesk.Benchmarks.Cluster;

/// <summary>How long a partition lease lasts and how often its owner renews it: together they bound failover.</summary>
internal sealed record LeaseSettings(TimeSpan LeaseDuration, TimeSpan RenewPeriod)
{
    /// <summary>The short leases the cluster tests use, for quick failover.</summary>
    public static LeaseSettings Short { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));

    /// <summary>The runtime's defaults (<see cref="ClusterOptions"/>).</summary>
    public static LeaseSettings Defaults { get; } = new(new ClusterOptions().LeaseDuration, new ClusterOptions().RenewPeriod);

    /// <summary>About the longest a dead silo's partitions stay unowned: its last renewal expires a lease later, and the survivors see it at their next renewal.</summary>
    public TimeSpan Bound => LeaseDuration + RenewPeriod;

    public override string ToString() => $"LeaseDuration {Format(LeaseDuration)}, RenewPeriod {Format(RenewPeriod)}";

    private static string Format(TimeSpan time) =>
        time.TotalSeconds >= 1 ? $"{time.TotalSeconds:0.##} s" : $"{time.TotalMilliseconds:0} ms";
}
