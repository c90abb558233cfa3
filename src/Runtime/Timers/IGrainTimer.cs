namespace Helpdesk.Runtime.Timers;

/// <summary>A grain timer: ticks run as turns of their activation and stop when it deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
