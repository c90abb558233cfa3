using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Core;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Activation;

public sealed class ActivationLifecycleTests
{
    [Fact]
    public async Task GrainIsActivatedOnFirstCallOnly()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("once");

        var first = await grain.ActivationAsync();
        var second = await silo.Grains.Get<ITurnGrain>("once").ActivationAsync();

        Assert.Equal(first, second);
        Assert.Equal(1, silo.Probe.Count("activate once"));
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdleEndsTheActivationAfterTheCurrentCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("leaver");
        var first = await grain.ActivationAsync();

        await grain.LeaveAsync();
        await silo.Probe.WaitForAsync($"deactivate leaver {DeactivationReason.ApplicationRequested}");

        Assert.NotEqual(first, await grain.ActivationAsync());
        Assert.Equal(2, silo.Probe.Count("activate leaver"));
    }

    [Fact]
    public async Task IdleActivationIsCollectedOnlyAfterItsAge()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(clock: clock, options: o => o.ActivationIdleAge = TimeSpan.FromMinutes(15));
        await silo.Grains.Get<ITurnGrain>("idle").ActivationAsync();

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        silo.Runtime.Catalog.Sweep(clock.GetUtcNow().UtcTicks, silo.Runtime.Options.ActivationIdleAge);
        Assert.Equal(0, silo.Probe.Count($"deactivate idle {DeactivationReason.IdleCollection}"));

        clock.Advance(TimeSpan.FromSeconds(1));
        silo.Runtime.Catalog.Sweep(clock.GetUtcNow().UtcTicks, silo.Runtime.Options.ActivationIdleAge);
        await silo.Probe.WaitForAsync($"deactivate idle {DeactivationReason.IdleCollection}");
        Assert.Equal(0, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task FailedActivationReachesTheCallerAndTheNextCallActivatesAfresh()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<IFaultyGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidDataException>(grain.PingAsync);

        Assert.Equal("storage blipped", error.Message);
        Assert.Equal("pong", await grain.PingAsync());
    }

    [Fact]
    public async Task GrainInterfaceWithoutAnImplementationIsAClearError()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<UnknownGrainTypeException>(() => silo.Grains.Get<IUnimplementedGrain>("x"));

        Assert.Contains(nameof(IUnimplementedGrain), error.Message, StringComparison.Ordinal);
        Assert.Contains("AddGrains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultsFollowOrleans()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(30), silo.Runtime.Options.CallTimeout);
        Assert.Equal(TimeSpan.FromMinutes(15), silo.Runtime.Options.ActivationIdleAge);
    }

    [Fact]
    public async Task ShutdownLetsRunningTurnsFinishThenDeactivatesEveryGrain()
    {
        var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("worker");
        await silo.Grains.Get<ITurnGrain>("bystander").ActivationAsync();
        var work = grain.WorkAsync();
        await silo.Probe.WaitForAsync("work started");

        var stopping = silo.StopAsync();
        silo.Probe.Gate.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        await work;
        Assert.Equal(
            ["work started", "work done", $"deactivate worker {DeactivationReason.ShuttingDown}"],
            silo.Probe.Events.Where(e => e.Contains("work", StringComparison.Ordinal) && !e.StartsWith("activate", StringComparison.Ordinal)));
        Assert.Equal(1, silo.Probe.Count($"deactivate bystander {DeactivationReason.ShuttingDown}"));
        Assert.Equal(0, silo.Runtime.ActivationCount);
        await silo.DisposeAsync();
    }
}
