using Helpdesk.Grains.Board;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Departments;

/// <summary>What a department grain stores: its settings, roster and queue. Members' live views are rebuilt on activation.</summary>
internal sealed class DepartmentState
{
    public DepartmentSettings? Settings { get; set; }

    /// <summary>Counts the settings' versions: 1 when created, one more at each change.</summary>
    public long Version { get; set; }

    /// <summary>When it was retired: it takes no new contacts, and its history stays.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Where its waiting contacts went when it was retired.</summary>
    public string? DrainedTo { get; set; }

    /// <summary>Operator id → whether this is their home department.</summary>
    public Dictionary<string, bool> Roster { get; set; } = new(StringComparer.Ordinal);

    public List<WaitingContact> Queue { get; set; } = [];

    public string? LastAssigned { get; set; }

    /// <summary>The day's answers and abandonments, for the board; written with the department's next write.</summary>
    public DayTally? Today { get; set; }
}
