using System.Collections.Concurrent;
using System.Diagnostics;

namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>Every attempt of a run: per endpoint, per second from the first arrival, and each failure.</summary>
/// <remarks>Times are <see cref="Stopwatch"/> timestamps; the zero is <see cref="MarkZero"/>, the first arrival. Attempts before it (the set-up) and after <see cref="EndTimeline"/> (the final check) count per endpoint but not per second.</remarks>
internal sealed class Recorder
{
    private const int FailuresKept = 100_000;

    private readonly ConcurrentDictionary<string, EndpointLog> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, SecondLog> _seconds = new();
    private readonly ConcurrentQueue<FailedAttempt> _failures = new();
    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private long _zero = long.MaxValue;
    private int _timelineOver;
    private long _requests;
    private int _failuresKept;

    /// <summary>Attempts sent so far, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The failures kept, oldest first (the first 100,000).</summary>
    public IReadOnlyList<FailedAttempt> Failures => [.. _failures.OrderBy(failure => failure.At)];

    /// <summary>Every failed attempt counted by why it failed, the most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> FailureReasons =>
        [.. _reasons.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value)];

    /// <summary>Sets the zero of the timeline: now, as the first contact arrives.</summary>
    public void MarkZero() => Interlocked.Exchange(ref _zero, Stopwatch.GetTimestamp());

    /// <summary>Later attempts count per endpoint only: the load is over.</summary>
    public void EndTimeline() => Volatile.Write(ref _timelineOver, 1);

    /// <summary>How long after the zero <paramref name="timestamp"/> is.</summary>
    public TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(Interlocked.Read(ref _zero), timestamp);

    /// <summary>Time since the zero.</summary>
    public TimeSpan Now => Since(Stopwatch.GetTimestamp());

    /// <summary>Counts an attempt about to be sent.</summary>
    public void Sending() => Interlocked.Increment(ref _requests);

    /// <summary>Records one attempt: its endpoint, the silo it went to, when it started and ended, and how.</summary>
    public void Attempt(string endpoint, int silo, long startedAt, long endedAt, Outcome outcome, string? failure = null)
    {
        var latency = Stopwatch.GetElapsedTime(startedAt, endedAt).TotalMilliseconds;
        Log(endpoint).Add(startedAt, endedAt, outcome, latency);
        var at = Since(endedAt);
        if (at >= TimeSpan.Zero && Volatile.Read(ref _timelineOver) == 0)
        {
            _seconds.GetOrAdd((int)at.TotalSeconds, _ => new SecondLog()).Add(outcome, latency);
        }

        if (outcome == Outcome.Failed)
        {
            _reasons.AddOrUpdate(failure ?? "failed", 1, (_, count) => count + 1);
            if (Interlocked.Increment(ref _failuresKept) <= FailuresKept)
            {
                _failures.Enqueue(new FailedAttempt(at, silo, endpoint, failure ?? "failed"));
            }
        }
    }

    /// <summary>Records the end of an operation: whether it gave up after its retries, and how long it took in all.</summary>
    public void Operation(string endpoint, bool gaveUp, TimeSpan elapsed) => Log(endpoint).Operation(gaveUp, elapsed);

    /// <summary>Counts a contact acknowledged by the API, in the second it was.</summary>
    public void ContactCreated()
    {
        var at = Now;
        if (at >= TimeSpan.Zero)
        {
            _seconds.GetOrAdd((int)at.TotalSeconds, _ => new SecondLog()).Created();
        }
    }

    /// <summary>Every endpoint's figures, in the order the endpoints were first used.</summary>
    public IReadOnlyList<EndpointSummary> Summaries() =>
        [.. _endpoints.OrderBy(pair => pair.Value.FirstUse).Select(pair => pair.Value.Summary(pair.Key))];

    /// <summary>Latency of the answered attempts of every endpoint <paramref name="include"/> picks, together.</summary>
    public LatencyFigures Overall(Func<string, bool> include) =>
        Percentiles.Summarize(_endpoints.Where(pair => include(pair.Key)).SelectMany(pair => pair.Value.Latencies()));

    /// <summary>Every second from the zero to the last attempt recorded, empty seconds included.</summary>
    public IReadOnlyList<SecondFigures> Seconds()
    {
        var last = _seconds.IsEmpty ? -1 : _seconds.Keys.Max();
        return [.. Enumerable.Range(0, last + 1).Select(second => _seconds.TryGetValue(second, out var log) ? log.Figures(second) : new SecondFigures(second, 0, 0, 0, 0, double.NaN, double.NaN))];
    }

    private EndpointLog Log(string endpoint) => _endpoints.GetOrAdd(endpoint, _ => new EndpointLog(Stopwatch.GetTimestamp()));
}
