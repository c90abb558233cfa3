using System.Diagnostics;

namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>One endpoint's attempts and operations, summed up by <see cref="Summary"/>.</summary>
internal sealed class EndpointLog(long firstUse)
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _first = long.MaxValue;
    private long _last = long.MinValue;
    private long _ok;
    private long _refused;
    private long _failed;
    private long _gaveUp;
    private TimeSpan _longest;

    public long FirstUse => firstUse;

    public void Add(long startedAt, long endedAt, Outcome outcome, double latency)
    {
        lock (_lock)
        {
            _first = Math.Min(_first, startedAt);
            _last = Math.Max(_last, endedAt);
            switch (outcome)
            {
                case Outcome.Ok:
                    _ok++;
                    _latencies.Add(latency);
                    break;
                case Outcome.Refused:
                    _refused++;
                    _latencies.Add(latency);
                    break;
                default:
                    _failed++;
                    break;
            }
        }
    }

    public void Operation(bool gaveUp, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _gaveUp += gaveUp ? 1 : 0;
            _longest = elapsed > _longest ? elapsed : _longest;
        }
    }

    /// <summary>The latencies of the attempts answered, in milliseconds.</summary>
    public double[] Latencies()
    {
        lock (_lock)
        {
            return [.. _latencies];
        }
    }

    public EndpointSummary Summary(string endpoint)
    {
        lock (_lock)
        {
            var span = _last > _first ? Stopwatch.GetElapsedTime(_first, _last).TotalSeconds : 0;
            var answered = _ok + _refused;
            return new EndpointSummary(
                endpoint, answered + _failed, _ok, _refused, _failed, _gaveUp,
                span > 0 ? answered / span : double.NaN,
                Percentiles.Summarize(_latencies),
                _longest);
        }
    }
}
