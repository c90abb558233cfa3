using Helpdesk.Runtime.Hosting;
using Helpdesk.Testing;

namespace Helpdesk.Runtime.Tests.Persistence;

public sealed class PostgreSqlGrainStorageTests : GrainStorageConformance, IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() =>
        _connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema(nameof(PostgreSqlGrainStorageTests));

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UsePostgreSql(_connectionString);

    [Fact]
    public async Task StateSurvivesASiloRestart()
    {
        await using (var first = await TestSilo.StartAsync(storage: UseStorage))
        {
            await first.Grains.Get<ICounterGrain>("durable").IncrementAsync("before restart");
        }

        await using var second = await TestSilo.StartAsync(storage: UseStorage);
        var grain = second.Grains.Get<ICounterGrain>("durable");

        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(2, await grain.IncrementAsync("after restart"));
    }

    [Fact]
    public async Task GracefulStopFlushesStateWrittenOnDeactivation()
    {
        await using (var first = await TestSilo.StartAsync(storage: UseStorage))
        {
            var grain = first.Grains.Get<ICounterGrain>("lazy");
            await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.CountLaterAsync()));
        }

        await using var second = await TestSilo.StartAsync(storage: UseStorage);
        Assert.Equal(5, await second.Grains.Get<ICounterGrain>("lazy").GetAsync());
    }

    [Fact]
    public async Task SilosStartingTogetherMigrateTheSchemaOnce()
    {
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestSilo.StartAsync(storage: UseStorage)));

        await silos[0].Grains.Get<ICounterGrain>("shared").IncrementAsync("one");
        Assert.Equal(1, await silos[2].Grains.Get<ICounterGrain>("shared").GetAsync());
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }
}
