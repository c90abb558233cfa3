using System.Diagnostics;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>A side whose every call creates a contact: each call's outcome and latency go to the tally of the run in progress.</summary>
/// <remarks>The load that drives <see cref="Subject"/> measures the rate; the tally says what the calls came to.</remarks>
internal sealed class TalliedSubject
{
    private readonly Func<int, Task<Outcome>> _call;
    private OutcomeTally _tally = new();

    /// <param name="name">The side's name.</param>
    /// <param name="call">The call worker or target <c>i</c> makes, and how it ended.</param>
    public TalliedSubject(string name, Func<int, Task<Outcome>> call)
    {
        _call = call;
        Subject = new Subject(name, CallAsync);
    }

    public Subject Subject { get; }

    /// <summary>Starts a new run's tally; the load must have drained the previous run's calls.</summary>
    public OutcomeTally Begin() => _tally = new OutcomeTally();

    private async Task CallAsync(int index)
    {
        var tally = _tally;
        var startedAt = Stopwatch.GetTimestamp();
        var outcome = await _call(index);
        tally.Add(outcome, Stopwatch.GetTimestamp() - startedAt);
    }
}
