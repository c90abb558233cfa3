using Helpdesk.Grains.Departments;

namespace Helpdesk.Grains.Board;

/// <summary>A department's tile on the supervisors' board.</summary>
/// <param name="Id">The department.</param>
/// <param name="Name">Its name.</param>
/// <param name="RetiredAt">When it was retired, if it was.</param>
/// <param name="Load">Its live load: queue, waits, service level of the last 15 minutes, occupancy, forecast.</param>
/// <param name="Today">Its answers and abandonments of the day so far (UTC).</param>
/// <param name="Waiting">The first contacts waiting, in serving order (at most <see cref="WaitingShown"/>).</param>
/// <param name="Alarm">How far it falls behind (<see cref="DepartmentAlarm"/>).</param>
/// <param name="Version">The board's version at which the tile last changed.</param>
[GenerateSerializer, Alias("helpdesk.BoardDepartment")]
public sealed record BoardDepartment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset? RetiredAt,
    [property: Id(3)] LoadFigures Load,
    [property: Id(4)] DayTally Today,
    [property: Id(5)] IReadOnlyList<QueuedContact> Waiting,
    [property: Id(6)] Alarm Alarm = Alarm.Ok,
    [property: Id(7)] long Version = 0)
{
    /// <summary>How many waiting contacts a tile lists.</summary>
    public const int WaitingShown = 20;
}
