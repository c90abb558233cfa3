using Helpdesk.Benchmarks.Measurement;

namespace Helpdesk.Benchmarks.Contacts;

/// <summary>One closed-loop run of posts: the rate of answers, what they came to, and what else held the process up.</summary>
/// <param name="Rate">Answers per second and bytes allocated.</param>
/// <param name="Outcomes">Created (offered or queued) or failed, with the latencies of the 201s.</param>
/// <param name="GcPaused">How long the garbage collector paused the process during the run.</param>
/// <param name="CpuShare">The share of the machine's cores the process used during the run.</param>
internal sealed record PostRound(RunRate Rate, OutcomeSummary Outcomes, TimeSpan GcPaused, double CpuShare)
{
    /// <summary>Contacts created (201) per second.</summary>
    public double CreatedPerSecond => (Outcomes.Offered + Outcomes.Queued) / Rate.Elapsed.TotalSeconds;
}
