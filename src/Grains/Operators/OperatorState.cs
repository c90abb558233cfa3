using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Operators;

/// <summary>What an operator grain stores.</summary>
internal sealed class OperatorState
{
    public OperatorProfile? Profile { get; set; }

    /// <summary>What they set, or the system set: offline, available, break, wrap-up or not responding.</summary>
    public Presence Presence { get; set; } = Presence.Offline;

    public List<HeldContact> Contacts { get; set; } = [];

    public double DifficultyLoad { get; set; }

    public DateTimeOffset? ShiftStartedAt { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    public DateTimeOffset? WrapUpUntil { get; set; }

    /// <summary>Since when they have been at work without a break, for the departments' utilization.</summary>
    public DateTimeOffset? StaffedSince { get; set; }

    public OperatorKpi Kpi { get; set; } = OperatorKpi.Zero;

    /// <summary>The department they are lent to, if any.</summary>
    public Loan? Loan { get; set; }

    public long Version { get; set; }

    /// <summary>The presence the board last showed, and since when: the time in state.</summary>
    public Presence PresenceShown { get; set; } = Presence.Offline;

    /// <summary>When <see cref="PresenceShown"/> began.</summary>
    public DateTimeOffset PresenceSince { get; set; }

    /// <summary>Counts the profile's versions: 1 when created, one more at each change.</summary>
    public long ProfileVersion { get; set; }

    /// <summary>When they were retired: they take no more work, and their history stays.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Who retired them.</summary>
    public string? RetiredBy { get; set; }
}
