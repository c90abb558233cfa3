using Helpdesk.Runtime.Invocation;

namespace Helpdesk.Runtime.Tests.Activation;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task ThousandConcurrentCallsToOneGrainNeverOverlap()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("busy");

        var overlaps = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => Task.Run(grain.OverlapAsync)));

        Assert.All(overlaps, maxInside => Assert.Equal(1, maxInside));
        Assert.Equal(1_000, await grain.CallsAsync());
    }

    [Fact]
    public async Task AwaitContinuationsComeBackToTheActivation()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.True(await silo.Grains.Get<ITurnGrain>("a").ContinuesOnActivationAsync());
    }

    [Fact]
    public async Task ReentrantGrainInterleavesRequestsButNotTurns()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<IReentrantGrain>("r");

        var waiting = grain.EnterAsync();
        await grain.OpenAsync();

        Assert.Equal(1, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task NonReentrantGrainRunsTheNextRequestOnlyAfterTheRunningOneFinished()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("serial");
        var work = grain.WorkAsync();
        await silo.Probe.WaitForAsync("work started");

        var second = grain.OverlapAsync();
        silo.Probe.Gate.SetResult();
        await Task.WhenAll(work, second);

        Assert.Equal(["work started", "work done"], silo.Probe.Events.Where(e => e.StartsWith("work", StringComparison.Ordinal)));
        Assert.Equal(1, await second);
    }

    [Fact]
    public async Task AlwaysInterleaveWaitDoesNotHoldTheGrainFromOtherRequests()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<IMailboxGrain>("m");

        var waiting = grain.WaitAsync();
        await grain.PostAsync("offer");

        Assert.Equal("offer", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AlwaysInterleaveWaitStartsWhileAnotherRequestHoldsTheGrain()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<IMailboxGrain>("busy");
        var work = grain.WorkAsync();
        await silo.Probe.WaitForAsync("work started");

        var waiting = grain.WaitAsync();
        var post = grain.PostAsync("after the work");
        silo.Probe.Gate.SetResult();

        await Task.WhenAll(work, post).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("after the work", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["work started", "work done", "post after the work"], silo.Probe.Events);
    }

    [Fact]
    public async Task CallCycleOnNonReentrantGrainsEndsInTimeoutNotHang()
    {
        await using var silo = await TestSilo.StartAsync(options: o =>
        {
            o.CallTimeout = TimeSpan.FromMilliseconds(500);
            o.SweepPeriod = TimeSpan.FromMilliseconds(50);
        });

        var cycle = silo.Grains.Get<ITurnGrain>("a").CallPeerAsync("b", hops: 2);

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => cycle.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("was not retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionsReachTheCallerUnchangedInTypeAndMessage()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("thrower");

        var synchronous = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ThrowAsync("queue is full"));
        var afterAwait = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAfterAwaitAsync("operator is offline"));

        Assert.StartsWith("queue is full", synchronous.Message, StringComparison.Ordinal);
        Assert.Equal("operator is offline", afterAwait.Message);
    }

    [Fact]
    public async Task OneWayCallReturnsBeforeTheGrainHasRun()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.Get<ITurnGrain>("listener");

        await grain.NotifyAsync("outage").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, silo.Probe.Count("notified outage"));

        silo.Probe.Gate.SetResult();
        await silo.Probe.WaitForAsync("notified outage");
    }
}
