namespace Helpdesk.Benchmarks.Measurement;

/// <summary>How many operations completed in how much time, and how many bytes the process allocated meanwhile.</summary>
internal sealed record RunRate(long Operations, TimeSpan Elapsed, long AllocatedBytes)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Bytes allocated per operation by the whole process, harness included; what drives the GC's work.</summary>
    public double BytesPerOperation => (double)AllocatedBytes / Operations;
}
