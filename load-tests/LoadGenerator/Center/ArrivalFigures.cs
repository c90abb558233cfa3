namespace Helpdesk.LoadGenerator.Center;

/// <summary>What the arrival stream did: contacts sent, those left out because too many were in flight, how long it ran and why it stopped.</summary>
internal sealed record ArrivalFigures(int Sent, int Skipped, TimeSpan Elapsed, string StoppedBecause);
