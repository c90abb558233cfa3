using Helpdesk.Grains.Common;
using Helpdesk.Testing;

namespace Helpdesk.Grains.Tests.Common;

/// <summary>A grain's last events with growing ids, and the long poll desktops and supervisors wait on.</summary>
public sealed class EventLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void IdsStartFromTheClockAndGrowByOne()
    {
        var log = new EventLog<Note>(10, _clock);

        var first = log.Add(id => new Note(id, "a"));
        var second = log.Add(id => new Note(id, "b"));

        Assert.Equal((_clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000) + 1, first.Id);
        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(second.Id, log.LastId);
    }

    [Fact]
    public void ALogStartedAfterARestartNeverHandsOutAnIdAlreadySeen()
    {
        var before = new EventLog<Note>(10, _clock);
        Note last = null!;
        for (var i = 0; i < 500; i++)
        {
            last = before.Add(id => new Note(id, "busy"));
        }

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = new EventLog<Note>(10, _clock);

        Assert.True(after.Add(id => new Note(id, "first")).Id > last.Id, "A restarted log went back to ids already handed out.");
    }

    [Fact]
    public void AfterGivesOnlyTheLaterEventsOldestFirst()
    {
        var log = new EventLog<Note>(10, _clock);
        var notes = Enumerable.Range(0, 4).Select(i => log.Add(id => new Note(id, $"n{i}"))).ToList();

        Assert.Equal(["n2", "n3"], log.After(notes[1].Id).Select(note => note.Text));
        Assert.Equal(["n0", "n1", "n2", "n3"], log.After(0).Select(note => note.Text));
        Assert.Empty(log.After(notes[3].Id));
    }

    [Fact]
    public void OnlyTheLastEventsUpToCapacityAreKept()
    {
        var log = new EventLog<Note>(3, _clock);
        for (var i = 0; i < 5; i++)
        {
            log.Add(id => new Note(id, $"n{i}"));
        }

        Assert.Equal(["n2", "n3", "n4"], log.After(0).Select(note => note.Text));
    }

    [Fact]
    public async Task AWaitForEventsAlreadyThereReturnsAtOnce()
    {
        var log = new EventLog<Note>(10, _clock);
        var seen = log.Add(id => new Note(id, "seen"));
        log.Add(id => new Note(id, "new"));

        var waiting = log.WaitAsync(seen.Id, TimeSpan.FromMinutes(1));

        Assert.True(waiting.IsCompleted, "The wait did not return at once although an event was there.");
        Assert.Equal(["new"], (await waiting).Select(note => note.Text));
    }

    [Fact]
    public async Task AWaitEndsWithTheEventAddedMeanwhile()
    {
        var log = new EventLog<Note>(10, _clock);
        var seen = log.Add(id => new Note(id, "seen"));
        var waiting = log.WaitAsync(seen.Id, TimeSpan.FromMinutes(1));
        Assert.False(waiting.IsCompleted, "The wait returned with nothing new to give.");

        log.Add(id => new Note(id, "offer"));
        var notes = await waiting.WaitAsync(Patience);

        Assert.Equal(["offer"], notes.Select(note => note.Text));
    }

    [Fact]
    public async Task AWaitWithNothingNewEndsEmptyWhenItsTimeIsUp()
    {
        var log = new EventLog<Note>(10, _clock);
        var seen = log.Add(id => new Note(id, "seen"));
        var waiting = log.WaitAsync(seen.Id, TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted, "The wait ended before its time was up.");
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task AWaitOfNoTimeReturnsAtOnceEvenWithNothingNew()
    {
        var log = new EventLog<Note>(10, _clock);

        var waiting = log.WaitAsync(0, TimeSpan.Zero);

        Assert.True(waiting.IsCompletedSuccessfully, "A wait of no time waited.");
        Assert.Empty(await waiting);
    }

    /// <summary>A silo beginning to stop ends the waits at once, and later ones last a quarter of a second, so a grain holding them hands over without delay.</summary>
    [Fact]
    public async Task TheSiloBeginningToStopEndsTheWaitsAndShortensTheNextOnes()
    {
        using var stopping = new CancellationTokenSource();
        var log = new EventLog<Note>(10, _clock, stopping.Token);
        var seen = log.Add(id => new Note(id, "seen"));
        var waiting = log.WaitAsync(seen.Id, TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted, "The wait ended before anything ended it.");

        await stopping.CancelAsync();
        Assert.Empty(await waiting.WaitAsync(Patience));

        var next = log.WaitAsync(seen.Id, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(next.IsCompleted, "A wait while stopping ended before its quarter of a second.");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(await next.WaitAsync(Patience));
    }

    /// <summary>An event carrying its id, as grains' events do.</summary>
    private sealed record Note(long Id, string Text);
}
