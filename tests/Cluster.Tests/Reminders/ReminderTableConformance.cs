namespace Helpdesk.Cluster.Tests.Reminders;

/// <summary>What the reminder table of either kind must do, as Orleans' reminder service uses it; each kind runs this suite through a subclass.</summary>
public abstract class ReminderTableConformance
{
    private static readonly DateTime Noon = new(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A PostgreSQL connection string for a schema of the test's own, or <see langword="null"/> for memory.</summary>
    protected abstract Task<string?> ConnectionStringAsync();

    [Fact]
    public async Task AnUpsertedReminderReadsBackWithItsScheduleAndEtag()
    {
        await using var silo = await StartAsync();
        var grain = GrainId.Create("contact", "c-1");

        var etag = await silo.Reminders.UpsertRow(Entry(grain, "wake", Noon, TimeSpan.FromMinutes(1)));
        var read = await silo.Reminders.ReadRow(grain, "wake");

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal((grain, "wake", Noon, TimeSpan.FromMinutes(1), etag), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Null(await silo.Reminders.ReadRow(grain, "other"));
    }

    [Fact]
    public async Task AnUpsertReplacesTheScheduleAndTheEtag()
    {
        await using var silo = await StartAsync();
        var grain = GrainId.Create("contact", "c-2");
        var first = await silo.Reminders.UpsertRow(Entry(grain, "wake", Noon, TimeSpan.FromMinutes(1)));

        var second = await silo.Reminders.UpsertRow(Entry(grain, "wake", Noon.AddHours(1), TimeSpan.FromDays(30)));

        var read = await silo.Reminders.ReadRow(grain, "wake");
        Assert.NotEqual(first, second);
        Assert.Equal((Noon.AddHours(1), TimeSpan.FromDays(30), second), (read!.StartAt, read.Period, read.ETag));
    }

    [Fact]
    public async Task ARemoveWithAStaleEtagIsRefusedAndOneWithTheCurrentSucceeds()
    {
        await using var silo = await StartAsync();
        var grain = GrainId.Create("operator", "ann");
        var first = await silo.Reminders.UpsertRow(Entry(grain, "loan-end", Noon, TimeSpan.FromMinutes(1)));
        var current = await silo.Reminders.UpsertRow(Entry(grain, "loan-end", Noon.AddMinutes(5), TimeSpan.FromMinutes(1)));

        Assert.False(await silo.Reminders.RemoveRow(grain, "loan-end", first!));
        Assert.NotNull(await silo.Reminders.ReadRow(grain, "loan-end"));
        Assert.True(await silo.Reminders.RemoveRow(grain, "loan-end", current!));
        Assert.Null(await silo.Reminders.ReadRow(grain, "loan-end"));
        Assert.False(await silo.Reminders.RemoveRow(grain, "loan-end", current!));
    }

    [Fact]
    public async Task AGrainsRemindersAreReadTogetherAndNoOneElses()
    {
        await using var silo = await StartAsync();
        var grain = GrainId.Create("contact", "c-3");
        await silo.Reminders.UpsertRow(Entry(grain, "wake", Noon, TimeSpan.FromMinutes(1)));
        await silo.Reminders.UpsertRow(Entry(grain, "follow-up", Noon, TimeSpan.FromMinutes(1)));
        await silo.Reminders.UpsertRow(Entry(GrainId.Create("contact", "c-4"), "wake", Noon, TimeSpan.FromMinutes(1)));

        var rows = await silo.Reminders.ReadRows(grain);

        Assert.Equal(["follow-up", "wake"], rows.Reminders.Select(row => row.ReminderName).Order());
    }

    /// <summary>A silo reads the reminders of its share of the hash ring, which excludes its start and includes its end, and may wrap around.</summary>
    [Fact]
    public async Task ARingRangeHoldsTheGrainsHashedAfterItsStartUpToItsEnd()
    {
        await using var silo = await StartAsync();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("contact", $"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            await silo.Reminders.UpsertRow(Entry(grain, "wake", Noon, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(grain => grain.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[9], hashes[29]);

        Assert.Equal(20, (await silo.Reminders.ReadRows(low, high)).Reminders.Count);
        Assert.Equal(20, (await silo.Reminders.ReadRows(high, low)).Reminders.Count);
        Assert.Equal(40, (await silo.Reminders.ReadRows(low, low)).Reminders.Count);
        Assert.Single((await silo.Reminders.ReadRows(hashes[9] - 1, hashes[9])).Reminders);
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    private async Task<ClusterSilo> StartAsync() => await ClusterSilo.StartAsync(await ConnectionStringAsync());
}
