namespace Helpdesk.Runtime.Tests;

/// <summary>Where test grains report what happened, and where tests wait for it: a barrier, never a sleep.</summary>
public sealed class Probe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    /// <summary>A gate test grains wait on, opened by the test.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public int Count(string @event) => Events.Count(e => e == @event);

    public void Record(string @event)
    {
        List<TaskCompletionSource> met = [];
        lock (_lock)
        {
            _events.Add(@event);
            _waiters.RemoveAll(waiter =>
            {
                if (!waiter.Condition(_events))
                {
                    return false;
                }

                met.Add(waiter.Done);
                return true;
            });
        }

        met.ForEach(done => done.TrySetResult());
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the events, failing with <paramref name="expectation"/> after 15 s.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string expectation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_events))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected {expectation} within {Patience.TotalSeconds} s; events were: [{string.Join(", ", Events)}]");
        }
    }

    public Task WaitForAsync(string @event, int times = 1) =>
        WaitUntilAsync(events => events.Count(e => e == @event) >= times, $"'{@event}' {times} time(s)");
}
