namespace Helpdesk.Runtime.Diagnostics;

/// <summary>Counts finished grain calls and tells the rate since it was last asked.</summary>
internal sealed class CallRate(TimeProvider timeProvider)
{
    private long _calls;
    private long _sampledCalls;
    private long _sampledAt = timeProvider.GetTimestamp();

    public void Count() => Interlocked.Increment(ref _calls);

    /// <summary>Calls per second since the previous sample.</summary>
    public double Sample()
    {
        var calls = Interlocked.Read(ref _calls);
        var now = timeProvider.GetTimestamp();
        var seconds = timeProvider.GetElapsedTime(_sampledAt, now).TotalSeconds;
        var rate = seconds > 0 ? (calls - _sampledCalls) / seconds : 0;
        (_sampledCalls, _sampledAt) = (calls, now);
        return rate;
    }
}
