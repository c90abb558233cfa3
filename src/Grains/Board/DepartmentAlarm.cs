using Helpdesk.Grains.Departments;

namespace Helpdesk.Grains.Board;

/// <summary>Judges how far a department falls behind, from its live load and the center's service-level goal.</summary>
/// <remarks>
/// Only a department with contacts waiting can be behind: a low service level with an empty queue is the past, which
/// the trend shows. The longest wait speaks first, because it shows at once; the service level of the last 15 minutes
/// follows more slowly.
/// </remarks>
public static class DepartmentAlarm
{
    /// <summary>How far below the goal a service level is critical.</summary>
    public const double CriticalShortfall = 0.2;

    /// <summary>How many targets' worth of waiting is critical.</summary>
    public const double CriticalWaits = 3;

    /// <summary>The alarm for <paramref name="load"/> against the goal <paramref name="goal"/> (a share, e.g. 0.8).</summary>
    public static Alarm Of(LoadFigures load, double goal)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.QueueLength == 0)
        {
            return Alarm.Ok;
        }

        var target = load.ServiceLevelTargetSeconds;
        if (load.LongestWaitSeconds > CriticalWaits * target || load.ServiceLevel < goal - CriticalShortfall)
        {
            return Alarm.Critical;
        }

        return load.LongestWaitSeconds > target || load.ServiceLevel < goal ? Alarm.Behind : Alarm.Ok;
    }
}
