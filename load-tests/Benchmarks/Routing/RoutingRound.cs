using Helpdesk.Benchmarks.Measurement;

namespace Helpdesk.Benchmarks.Routing;

/// <summary>One paced run of routing decisions: the pacer's view of the calls, what the decisions came to, and what else held the process up.</summary>
/// <param name="Paced">Latencies as the pacer saw them, from send and from due time.</param>
/// <param name="Outcomes">Offered, queued or refused, with the latencies of each.</param>
/// <param name="GcPaused">How long the garbage collector paused the process during the run.</param>
/// <param name="CpuShare">The share of the machine's cores the process used during the run.</param>
internal sealed record RoutingRound(PacedResult Paced, OutcomeSummary Outcomes, TimeSpan GcPaused, double CpuShare);
