using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Invocation;

namespace Helpdesk.Runtime.Timers;

/// <summary>A timer on the silo's <see cref="TimeProvider"/> whose ticks are queued to the activation like requests.</summary>
/// <remarks>A tick is skipped while the previous one is still queued or running, so ticks never pile up behind a slow callback.</remarks>
internal sealed class GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    : IGrainTimer
{
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;
    private int _busy;

    public void Start() => _timer = activation.Runtime.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);

    public void Change(TimeSpan dueTime, TimeSpan period) => _timer?.Change(dueTime, period);

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer?.Dispose();
        activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }

        activation.Receive(new GrainRequest<VoidResult>(
            activation.Id, long.MaxValue, keepsAlive: false, "timer", (_, _) => TickAsync(), static _ => default, [], oneWay: true));
    }

    private async Task TickAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                await callback(_disposed.Token);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }
}
