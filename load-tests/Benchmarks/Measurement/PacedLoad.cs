using System.Diagnostics;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>An open-loop load: calls start on a fixed schedule whether or not earlier ones have answered.</summary>
/// <remarks>
/// Each call's latency is kept twice: from the moment it was sent, and from the moment it was due. They differ
/// only when the pacer itself was held up (descheduled, or suspended by a GC) and sent late; the second is
/// the one that cannot hide a stall (coordinated omission), the first is the one that isolates the system called.
/// </remarks>
internal sealed class PacedLoad
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly Func<int, Task> _call;
    private readonly int _targets;
    private readonly long[] _fromSend;
    private readonly long[] _fromDue;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = 1;
    private int _issued;
    private int _failed;
    private Exception? _firstFailure;
    private TimeSpan _pacing;

    private PacedLoad(Func<int, Task> call, int targets, int calls)
    {
        _call = call;
        _targets = targets;
        _fromSend = new long[calls];
        _fromDue = new long[calls];
    }

    /// <param name="call">The call to make against target <c>i</c>, given <c>i</c>; targets are used round robin.</param>
    /// <param name="targets">How many targets the calls are spread over.</param>
    /// <param name="callsPerSecond">The schedule's rate.</param>
    /// <param name="duration">How long calls are started.</param>
    /// <param name="cancellationToken">Aborts the run when the whole benchmark is out of time.</param>
    public static async Task<PacedResult> RunAsync(Func<int, Task> call, int targets, double callsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var load = new PacedLoad(call, targets, checked((int)(callsPerSecond * duration.TotalSeconds)));
        // A dedicated thread: a pacer on the thread pool would queue behind the very calls it is pacing.
        var pacer = new Thread(() => load.Pace(callsPerSecond, cancellationToken)) { IsBackground = true, Name = "pacer" };
        pacer.Start();
        try
        {
            await load._drained.Task.WaitAsync(duration + DrainLimit, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new BenchmarkException($"Paced calls had not all answered {DrainLimit.TotalSeconds:F0} s after a {duration.TotalSeconds:F0} s run: some call hangs.", exception);
        }

        if (load._firstFailure is { } failure)
        {
            throw new BenchmarkException($"{load._failed} of {load._issued} paced calls failed; the first failure follows.", failure);
        }

        return new PacedResult(
            LatencySummary.Of(load._fromSend[..load._issued], load._pacing),
            LatencySummary.Of(load._fromDue[..load._issued], load._pacing));
    }

    private void Pace(double callsPerSecond, CancellationToken cancellationToken)
    {
        var ticksPerCall = Stopwatch.Frequency / callsPerSecond;
        var startedAt = Stopwatch.GetTimestamp();
        var index = 0;
        while (index < _fromSend.Length && !cancellationToken.IsCancellationRequested)
        {
            var dueNow = Math.Min(_fromSend.Length, (long)((Stopwatch.GetTimestamp() - startedAt) / ticksPerCall) + 1);
            for (; index < dueNow; index++)
            {
                Interlocked.Increment(ref _pending);
                _ = MeasureAsync(index, startedAt + (long)(index * ticksPerCall), Stopwatch.GetTimestamp());
            }

            // Between sends the pacer yields its core rather than spinning on it: on a small machine a spinning
            // pacer takes a core from the system it measures. It never sleeps: a sleep lasts at least a millisecond.
            Thread.Yield();
        }

        _pacing = Stopwatch.GetElapsedTime(startedAt);
        _issued = index;
        Release();
    }

    private async Task MeasureAsync(int index, long due, long sentAt)
    {
        try
        {
            await _call(index % _targets);
            var answeredAt = Stopwatch.GetTimestamp();
            _fromSend[index] = answeredAt - sentAt;
            _fromDue[index] = answeredAt - due;
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstFailure, exception, null);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
