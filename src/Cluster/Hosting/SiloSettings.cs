using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Cluster.Hosting;

/// <summary>The silo's settings of its own, bound from the <c>Silo</c> configuration section; Orleans' own are under <c>Orleans</c>.</summary>
public sealed class SiloSettings
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Silo";

    /// <summary>
    /// How often a wake-up reminder repeats until its grain clears it; a deadline missed while its silo was down acts on a
    /// survivor within this time. It is also Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>. Default: 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait before trying again when PostgreSQL cannot be reached or migrated at start-up. Default: 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StorageRetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The host name or address other silos and clients reach this silo at, on PostgreSQL; resolved at start-up.
    /// <c>Orleans:Endpoints:AdvertisedIPAddress</c> wins when set. Default: 127.0.0.1, for silos on one machine.
    /// </summary>
    public string? AdvertisedHost { get; set; }
}
