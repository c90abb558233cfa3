using System.Collections.Concurrent;
using Helpdesk.Runtime.Tests.Persistence;

namespace Helpdesk.Runtime.Tests.Cluster;

/// <summary>Writers appending unique notes to counter grains through chosen silos, recording what was acknowledged.</summary>
internal sealed class Load(Func<int, TestSilo> siloFor, int writers, int grainsPerWriter, string prefix)
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<(string Grain, string Note)> _acknowledged = [];
    private readonly ConcurrentBag<Exception> _failures = [];
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _milestones = [];
    private Task _running = Task.CompletedTask;

    public IReadOnlyCollection<(string Grain, string Note)> Acknowledged => _acknowledged;

    public IReadOnlyCollection<Exception> Failures => _failures;

    public IEnumerable<string> Grains => Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, grainsPerWriter).Select(g => $"{prefix}-{w}-{g}"));

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, writers).Select(WriteAsync));

    /// <summary>Waits until <paramref name="count"/> more writes than now have been acknowledged.</summary>
    public Task MoreAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _milestones.Add((_acknowledged.Count + count, reached));
        }

        return reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    private async Task WriteAsync(int writer)
    {
        for (var sequence = 0; !_stop.IsCancellationRequested; sequence++)
        {
            var grain = $"{prefix}-{writer}-{sequence % grainsPerWriter}";
            var note = $"{writer}:{sequence}";
            try
            {
                await siloFor(writer + sequence).Grains.Get<ICounterGrain>(grain).IncrementAsync(note);
                _acknowledged.Add((grain, note));
                Reached();
            }
            catch (Exception exception)
            {
                _failures.Add(exception);
            }
        }
    }

    private void Reached()
    {
        List<TaskCompletionSource> reached = [];
        lock (_lock)
        {
            _milestones.RemoveAll(milestone =>
            {
                if (milestone.Count > _acknowledged.Count)
                {
                    return false;
                }

                reached.Add(milestone.Reached);
                return true;
            });
        }

        reached.ForEach(r => r.TrySetResult());
    }
}
