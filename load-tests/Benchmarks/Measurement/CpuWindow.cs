using System.Diagnostics;

namespace Helpdesk.Benchmarks.Measurement;

/// <summary>The share of the machine's cores this process used between its start and now: well under 100 % under load means something else had the cores.</summary>
internal readonly struct CpuWindow
{
    private readonly TimeSpan _used;
    private readonly long _startedAt;

    private CpuWindow(TimeSpan used, long startedAt)
    {
        _used = used;
        _startedAt = startedAt;
    }

    public static CpuWindow Start() => new(Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());

    /// <summary>Processor time used since <see cref="Start"/> over the time the machine's cores had meanwhile, 0–1.</summary>
    public double Share =>
        (Process.GetCurrentProcess().TotalProcessorTime - _used) / (Stopwatch.GetElapsedTime(_startedAt) * Environment.ProcessorCount);
}
