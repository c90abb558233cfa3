using Orleans.Storage;

namespace Helpdesk.Cluster.Tests.Storage;

/// <summary>What the grain storage of either kind must do, as Orleans uses it; each kind runs this suite through a subclass.</summary>
public abstract class GrainStorageConformance
{
    private static readonly GrainId Grain = GrainId.Create("note", "n-1");

    /// <summary>A PostgreSQL connection string for a schema of the test's own, or <see langword="null"/> for memory.</summary>
    protected abstract Task<string?> ConnectionStringAsync();

    [Fact]
    public async Task ReadingMissingStateFindsNoRecord()
    {
        await using var silo = await StartAsync();
        var state = new GrainState<Note>();

        await silo.Storage.ReadStateAsync("note", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
    }

    [Fact]
    public async Task WrittenStateReadsBackWithTheNewEtag()
    {
        await using var silo = await StartAsync();
        var state = new GrainState<Note>(new Note { Count = 1, Text = "first" });
        await silo.Storage.WriteStateAsync("note", Grain, state);
        var first = state.ETag;
        state.State!.Count = 2;
        await silo.Storage.WriteStateAsync("note", Grain, state);

        var read = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, read);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal((2, "first"), (read.State!.Count, read.State!.Text));
    }

    [Fact]
    public async Task WriteWithAStaleEtagIsRefusedAndChangesNothing()
    {
        await using var silo = await StartAsync();
        var mine = new GrainState<Note>(new Note { Count = 1 });
        await silo.Storage.WriteStateAsync("note", Grain, mine);
        var theirs = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, theirs);
        theirs.State!.Count = 2;
        await silo.Storage.WriteStateAsync("note", Grain, theirs);

        mine.State!.Count = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync("note", Grain, mine));

        var read = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, read);
        Assert.Equal((theirs.ETag, 2), (read.ETag, read.State!.Count));
    }

    [Fact]
    public async Task AFirstWriteIsRefusedWhenSomeoneElseWroteFirst()
    {
        await using var silo = await StartAsync();
        await silo.Storage.WriteStateAsync("note", Grain, new GrainState<Note>(new Note { Count = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync("note", Grain, new GrainState<Note>(new Note { Count = 5 })));
    }

    [Fact]
    public async Task ClearLeavesNoRecordAndAStaleClearIsRefused()
    {
        await using var silo = await StartAsync();
        var stale = new GrainState<Note>(new Note { Count = 1 });
        await silo.Storage.WriteStateAsync("note", Grain, stale);
        var current = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, current);
        current.State!.Count = 2;
        await silo.Storage.WriteStateAsync("note", Grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.ClearStateAsync("note", Grain, stale));
        await silo.Storage.ClearStateAsync("note", Grain, current);

        var read = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Count);
        read.State!.Count = 3;
        await silo.Storage.WriteStateAsync("note", Grain, read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task StatesAreKeptApartByNameAndByGrain()
    {
        await using var silo = await StartAsync();
        await silo.Storage.WriteStateAsync("note", Grain, new GrainState<Note>(new Note { Text = "note" }));
        await silo.Storage.WriteStateAsync("draft", Grain, new GrainState<Note>(new Note { Text = "draft" }));

        var note = new GrainState<Note>();
        var draft = new GrainState<Note>();
        var other = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", Grain, note);
        await silo.Storage.ReadStateAsync("draft", Grain, draft);
        await silo.Storage.ReadStateAsync("note", GrainId.Create("note", "n-2"), other);

        Assert.Equal(("note", "draft"), (note.State!.Text, draft.State!.Text));
        Assert.False(other.RecordExists);
    }

    /// <summary>
    /// Keys that differ only in case, or by leading zeros, name different grains. Read as hexadecimal numbers by Orleans'
    /// ADO.NET provider, they would share a row; the store must keep them apart.
    /// </summary>
    [Theory]
    [InlineData("abe", "ABE")]
    [InlineData("007", "7")]
    [InlineData("cafe", "0cafe")]
    public async Task KeysThatReadAsTheSameNumberStayApart(string one, string other)
    {
        await using var silo = await StartAsync();
        await silo.Storage.WriteStateAsync("note", GrainId.Create("note", one), new GrainState<Note>(new Note { Text = one }));

        var read = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", GrainId.Create("note", other), read);
        await silo.Storage.WriteStateAsync("note", GrainId.Create("note", other), new GrainState<Note>(new Note { Text = other }));
        var first = new GrainState<Note>();
        await silo.Storage.ReadStateAsync("note", GrainId.Create("note", one), first);

        Assert.False(read.RecordExists);
        Assert.Equal(one, first.State!.Text);
    }

    [Fact]
    public async Task HundredGrainsWritingInParallelLoseNoWrite()
    {
        await using var silo = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var grain = GrainId.Create("note", $"parallel-{i}");
            var state = new GrainState<Note>(new Note());
            for (var n = 1; n <= 10; n++)
            {
                state.State!.Count = n;
                await silo.Storage.WriteStateAsync("note", grain, state);
            }
        }));

        for (var i = 0; i < 100; i++)
        {
            var read = new GrainState<Note>();
            await silo.Storage.ReadStateAsync("note", GrainId.Create("note", $"parallel-{i}"), read);
            Assert.Equal(10, read.State!.Count);
        }
    }

    private async Task<ClusterSilo> StartAsync() => await ClusterSilo.StartAsync(await ConnectionStringAsync());
}
