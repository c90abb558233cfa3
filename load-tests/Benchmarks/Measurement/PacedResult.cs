namespace Helpdesk.Benchmarks.Measurement;

/// <summary>The latencies of one paced run, counted from when each call was sent and from when it was due.</summary>
internal sealed record PacedResult(LatencySummary FromSend, LatencySummary FromDue);
