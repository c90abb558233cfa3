using System.Text.Json;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Persistence;

namespace Helpdesk.Runtime.Tests.Persistence;

/// <summary>What every grain store must do; each store runs this suite through a subclass.</summary>
public abstract class GrainStorageConformance
{
    private static readonly GrainId Grain = new("counter", "c-1");

    protected abstract void UseStorage(GrainRuntimeBuilder runtime);

    private Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(storage: UseStorage);

    [Fact]
    public async Task ReadingMissingStateFindsNothing()
    {
        await using var silo = await StartSiloAsync();

        Assert.Null(await silo.Runtime.Storage.ReadAsync(Grain, "counter", CancellationToken.None));
    }

    [Fact]
    public async Task WrittenStateReadsBackWithTheNewEtag()
    {
        await using var silo = await StartSiloAsync();
        var storage = silo.Runtime.Storage;

        var first = await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);
        var second = await storage.WriteAsync(Grain, "counter", """{"count":2}""", first, null, CancellationToken.None);

        var stored = await storage.ReadAsync(Grain, "counter", CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal(second, stored!.Etag);
        Assert.Equal(2, JsonDocument.Parse(stored.Json).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task WriteWithAStaleEtagIsRefusedAndChangesNothing()
    {
        await using var silo = await StartSiloAsync();
        var storage = silo.Runtime.Storage;
        var first = await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);
        var second = await storage.WriteAsync(Grain, "counter", """{"count":2}""", first, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(Grain, "counter", """{"count":99}""", first, null, CancellationToken.None));

        Assert.Contains($"expected version {first}", error.Message, StringComparison.Ordinal);
        var stored = await storage.ReadAsync(Grain, "counter", CancellationToken.None);
        Assert.Equal(second, stored!.Etag);
        Assert.Equal(2, JsonDocument.Parse(stored.Json).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task FirstWriteIsRefusedWhenSomeoneElseWroteFirst()
    {
        await using var silo = await StartSiloAsync();
        var storage = silo.Runtime.Storage;
        await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(Grain, "counter", """{"count":5}""", null, null, CancellationToken.None));
    }

    [Fact]
    public async Task ClearRemovesTheRecordAndAStaleClearIsRefused()
    {
        await using var silo = await StartSiloAsync();
        var storage = silo.Runtime.Storage;
        var first = await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);
        var second = await storage.WriteAsync(Grain, "counter", """{"count":2}""", first, null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(Grain, "counter", first, null, CancellationToken.None));
        await storage.ClearAsync(Grain, "counter", second, null, CancellationToken.None);

        Assert.Null(await storage.ReadAsync(Grain, "counter", CancellationToken.None));
        await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);
    }

    [Fact]
    public async Task StatesOfOneGrainAreKeptApartByName()
    {
        await using var silo = await StartSiloAsync();
        var storage = silo.Runtime.Storage;

        await storage.WriteAsync(Grain, "counter", """{"count":1}""", null, null, CancellationToken.None);
        await storage.WriteAsync(Grain, "profile", """{"name":"Ada"}""", null, null, CancellationToken.None);

        Assert.Contains("count", (await storage.ReadAsync(Grain, "counter", CancellationToken.None))!.Json, StringComparison.Ordinal);
        Assert.Contains("Ada", (await storage.ReadAsync(Grain, "profile", CancellationToken.None))!.Json, StringComparison.Ordinal);
        Assert.Null(await storage.ReadAsync(new GrainId("other", "c-1"), "counter", CancellationToken.None));
    }

    [Fact]
    public async Task HundredGrainsWritingInParallelLoseNoWrite()
    {
        await using var silo = await StartSiloAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var grain = silo.Grains.Get<ICounterGrain>($"parallel-{i}");
            await Task.WhenAll(Enumerable.Range(0, 10).Select(n => grain.IncrementAsync($"n{n}")));
        }));

        for (var i = 0; i < 100; i++)
        {
            var stored = await silo.Runtime.Storage.ReadAsync(new GrainId("counter", $"parallel-{i}"), "counter", CancellationToken.None);
            Assert.Equal(10, JsonDocument.Parse(stored!.Json).RootElement.GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task StateSurvivesDeactivation()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.Get<ICounterGrain>("survivor");
        await grain.IncrementAsync("before");
        await grain.IncrementAsync("after");

        await grain.LeaveAsync();

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(["before", "after"], await grain.NotesAsync());
    }

    [Fact]
    public async Task ConflictingWriteFailsLoudlyAndTheNextCallSeesTheStoredState()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.Get<ICounterGrain>("contested");
        await grain.IncrementAsync("mine");
        var stored = await silo.Runtime.Storage.ReadAsync(new GrainId("counter", "contested"), "counter", CancellationToken.None);
        await silo.Runtime.Storage.WriteAsync(new GrainId("counter", "contested"), "counter", """{"count":41,"notes":["theirs"]}""", stored!.Etag, null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync("lost"));

        Assert.Equal(42, await grain.IncrementAsync("retried"));
        Assert.Equal(["theirs", "retried"], await grain.NotesAsync());
    }

    [Fact]
    public async Task ClearedStateStartsAfresh()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.Get<ICounterGrain>("cleared");
        await grain.IncrementAsync("one");

        await grain.ResetAsync();
        await grain.LeaveAsync();

        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(1, await grain.IncrementAsync("again"));
    }
}
