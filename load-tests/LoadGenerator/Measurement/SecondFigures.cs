namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>One second of a run: attempts completed in it by outcome, contacts acknowledged, and the latency of its answers.</summary>
/// <param name="Second">Seconds since the first arrival; second 0 covers [0, 1).</param>
/// <param name="Ok">Attempts answered 2xx.</param>
/// <param name="Refused">Attempts answered 4xx.</param>
/// <param name="Failed">Attempts failed.</param>
/// <param name="ContactsCreated">Contacts whose creation was acknowledged.</param>
/// <param name="P50">Median latency of the answered attempts, in milliseconds; NaN for none.</param>
/// <param name="P99">Their 99th percentile, in milliseconds; NaN for none.</param>
internal sealed record SecondFigures(int Second, int Ok, int Refused, int Failed, int ContactsCreated, double P50, double P99);
