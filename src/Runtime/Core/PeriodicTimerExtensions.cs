namespace Helpdesk.Runtime.Core;

/// <summary>Loops on a <see cref="PeriodicTimer"/> that end quietly when the silo stops.</summary>
internal static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; <see langword="false"/> once <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <remarks>Ticks that pass while the loop is busy are coalesced into one, so a loop catches up at once and never queues up work.</remarks>
    public static async Task<bool> TickOrStopAsync(this PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
