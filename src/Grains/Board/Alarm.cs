namespace Helpdesk.Grains.Board;

/// <summary>How far a department falls behind, as its tile shows it (<see cref="DepartmentAlarm"/>).</summary>
public enum Alarm
{
    /// <summary>Keeping up.</summary>
    Ok,

    /// <summary>Behind its goal: contacts wait beyond the target, or the service level is below the goal while contacts wait.</summary>
    Behind,

    /// <summary>Far behind: a contact has waited three times the target, or the service level is 20 points below the goal while contacts wait.</summary>
    Critical,
}
