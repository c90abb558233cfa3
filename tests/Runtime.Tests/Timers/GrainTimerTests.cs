using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Timers;

public sealed class GrainTimerTests
{
    [Fact]
    public async Task TimerTicksOnTheClockAsTurnsOfTheActivationUntilDisposed()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(clock: clock);
        var grain = silo.Grains.Get<ITimerGrain>("metronome");
        await grain.StartAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await grain.TicksAsync());

        clock.Advance(TimeSpan.FromSeconds(1));
        await silo.Probe.WaitForAsync("tick at 09:00:10");
        clock.Advance(TimeSpan.FromSeconds(5));
        await silo.Probe.WaitForAsync("tick at 09:00:15");

        await grain.StopAsync();
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, await grain.TicksAsync());
        Assert.Equal(["tick at 09:00:10", "tick at 09:00:15"], silo.Probe.Events);
    }
}
