using System.Diagnostics;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>Runs workers that each await one call and then issue the next, for a fixed time, and counts completed calls.</summary>
internal static class ClosedLoop
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    /// <param name="workers">How many calls are in flight: one per worker.</param>
    /// <param name="call">The call worker <c>i</c> makes, given <c>i</c>.</param>
    /// <param name="duration">How long the workers keep calling.</param>
    /// <param name="cancellationToken">Aborts the run when the whole benchmark is out of time.</param>
    public static async Task<RunRate> RunAsync(int workers, Func<int, Task> call, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stoppedAt = 0L;
        using var onStop = stop.Token.Register(() => Volatile.Write(ref stoppedAt, Stopwatch.GetTimestamp()));
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var startedAt = Stopwatch.GetTimestamp();
        var counts = new Task<long>[workers];
        for (var worker = 0; worker < workers; worker++)
        {
            var index = worker;
            counts[worker] = Task.Run(() => WorkAsync(index, call, stop.Token), CancellationToken.None);
        }

        stop.CancelAfter(duration);
        try
        {
            await Task.WhenAll(counts).WaitAsync(duration + DrainLimit, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new BenchmarkException($"The {workers} workers had not finished {DrainLimit.TotalSeconds:F0} s after their {duration.TotalSeconds:F0} s run ended: some call hangs.", exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new BenchmarkException($"A call failed in a closed-loop run of {workers} workers, so its figure would be meaningless.", exception);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var total = counts.Sum(count => count.Result);
        return new RunRate(total, Stopwatch.GetElapsedTime(startedAt, Volatile.Read(ref stoppedAt)), GC.GetTotalAllocatedBytes() - allocatedBefore);
    }

    private static async Task<long> WorkAsync(int worker, Func<int, Task> call, CancellationToken stop)
    {
        var calls = 0L;
        while (!stop.IsCancellationRequested)
        {
            // Each call starts from the thread pool's global queue, as a request arriving from a socket does. A worker that
            // went on from the thread its last call completed on would keep that thread's local queue full, and work that
            // waits in the global queue (timers, including the one that ends this run, and the runtime's own messages)
            // would wait for as long as the run lasts.
            await Task.Yield();
            await call(worker);
            calls++;
        }

        return calls;
    }
}
