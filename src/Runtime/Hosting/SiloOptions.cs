using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Settings of one silo, bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Silo";

    /// <summary>This silo's name, unique in the cluster; it marks the reminder claims it holds. Default: host name, process id and a random suffix.</summary>
    [Required]
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>How long a caller waits for a grain call before it gets a timeout error. Default: 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is deactivated. Default: 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan ActivationIdleAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often overdue calls are expired and idle activations collected. Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the reminder table is polled for due reminders; this is reminders' precision. Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReminderPollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait before trying again when storage cannot be reached or migrated at start-up. Default: 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StorageRetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a silo's claim on a due reminder lasts before another silo may deliver it. Keep it above <see cref="CallTimeout"/>. Default: 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReminderClaimDuration { get; set; } = TimeSpan.FromSeconds(60);
}
