using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Timers;

namespace Helpdesk.Runtime.Tests.Timers;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();

    Task<int> TicksAsync();
}

public sealed class TimerGrain(Probe probe, TimeProvider clock) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _inTurn;

    public Task StartAsync(TimeSpan dueTime, TimeSpan period)
    {
        _timer = RegisterGrainTimer(TickAsync, dueTime, period);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<int> TicksAsync()
    {
        _inTurn = true;
        await Task.Yield();
        _inTurn = false;
        return _ticks;
    }

    private Task TickAsync(CancellationToken cancellationToken)
    {
        _ticks++;
        probe.Record($"tick at {clock.GetUtcNow():HH:mm:ss}{(_inTurn ? " inside a request" : "")}");
        return Task.CompletedTask;
    }
}
