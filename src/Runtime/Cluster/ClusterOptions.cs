using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Runtime.Cluster;

/// <summary>How silos share the partitions of a cluster, bound from the <c>Cluster</c> configuration section.</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Cluster";

    /// <summary>How many partitions grains are hashed into; fixed for the cluster's life (the first silo records it). Default: 256.</summary>
    [Range(1, 65_536)]
    public int PartitionCount { get; set; } = 256;

    /// <summary>How long a partition lease lasts without renewal; a dead silo's partitions move within about this time. Default: 6 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often a silo renews its leases, announces itself and rebalances; keep it well below <see cref="LeaseDuration"/>. Default: 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan RenewPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The port of the silo-to-silo HTTP/2 endpoint; 0 picks a free one and announces it. Default: 0.</summary>
    [Range(0, 65_535)]
    public int InternalPort { get; set; }

    /// <summary>The host other silos reach this one at; when it is an IP address the internal endpoint listens on it alone. Default: 127.0.0.1.</summary>
    [Required]
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>How many times a call is sent on after a silo answers that it does not own the grain. Default: 2 (as Orleans).</summary>
    [Range(0, 10)]
    public int MaxForwards { get; set; } = 2;
}
