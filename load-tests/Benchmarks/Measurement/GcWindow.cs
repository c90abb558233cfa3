namespace Helpdesk.Benchmarks.Measurement;

/// <summary>The garbage collections and pause time between its start and now, to tell a slow figure caused by GC from one caused by the code.</summary>
internal readonly struct GcWindow
{
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly TimeSpan _paused;

    private GcWindow(int gen0, int gen1, int gen2, TimeSpan paused)
    {
        _gen0 = gen0;
        _gen1 = gen1;
        _gen2 = gen2;
        _paused = paused;
    }

    public static GcWindow Start() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>How long the collector paused the process since <see cref="Start"/>.</summary>
    public TimeSpan Paused => GC.GetTotalPauseDuration() - _paused;

    /// <summary>What the collector did since <see cref="Start"/>.</summary>
    public override string ToString() =>
        $"GCs gen0/1/2 {GC.CollectionCount(0) - _gen0}/{GC.CollectionCount(1) - _gen1}/{GC.CollectionCount(2) - _gen2}, paused {Paused.TotalMilliseconds:N0} ms";
}
