using Microsoft.Extensions.Logging;

namespace Helpdesk.Cluster.Hosting;

/// <summary>
/// Keeps a stopping silo in its cluster for a moment after it has handed its grains over, before it marks itself dead.
/// </summary>
/// <remarks>
/// A call that reached one of this silo's grains as it moved is forwarded to the grain's new home, but its caller still
/// waits on this silo: once this silo is dead, every such wait is broken, and a caller whose call was still running
/// elsewhere is answered that this silo became unavailable (503 over HTTP), although its call may yet succeed. The
/// grace lets those calls finish first; the stop takes that much longer. A silo alone in its cluster hands nothing over,
/// and does not wait.
/// </remarks>
internal sealed partial class HandOverGrace(
    TimeSpan grace,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    ILogger<HandOverGrace> log) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);

        // Orleans hands the grains over in its own stop of BecomeActive - 1; the stages stop from the highest down, and
        // the observers of one stage together, so this waits after the hand-over, not beside it.
        lifecycle.Subscribe(nameof(HandOverGrace), ServiceLifecycleStage.BecomeActive - 2, _ => Task.CompletedTask, WaitAsync);
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (!membership.CurrentSnapshot.Members.Values.Any(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress)))
        {
            return;
        }

        LogWaiting(log, grace);
        try
        {
            await Task.Delay(grace, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A hurried stop does not wait.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grains handed over; the silo stays a member {Grace} longer, while calls forwarded to their new homes finish")]
    private static partial void LogWaiting(ILogger logger, TimeSpan grace);
}
