namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>An attempt that failed: when it ended (from the first arrival), at which silo, on which endpoint, and why.</summary>
internal sealed record FailedAttempt(TimeSpan At, int Silo, string Endpoint, string Reason);
