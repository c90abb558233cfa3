using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Center;
using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>Everything one run measured and found.</summary>
/// <param name="Options">Its settings.</param>
/// <param name="Scenario">Its short name, e.g. <c>3-silos-postgres-kill</c>; the chart's file is named after it.</param>
/// <param name="RunId">The prefix of every id it created.</param>
/// <param name="Target">What it drove: silos, storage, PostgreSQL settings.</param>
/// <param name="StartedAt">When the arrivals began.</param>
/// <param name="Arrivals">What the arrival stream did.</param>
/// <param name="Drain">How long the contacts in hand took to settle after the arrivals, or the drain limit.</param>
/// <param name="Drained">Whether every contact settled within the drain limit.</param>
/// <param name="Requests">Requests sent, retries included, final check included.</param>
/// <param name="Endpoints">Per endpoint.</param>
/// <param name="Overall">Latency of every call of the load together (<see cref="Http.Endpoints.InLoad"/>).</param>
/// <param name="Seconds">Per second from the first arrival.</param>
/// <param name="Accounting">The final check.</param>
/// <param name="FailureReasons">Failed attempts by why they failed, the most frequent first.</param>
/// <param name="Fault">What went wrong on purpose and what followed, when something did.</param>
/// <param name="Failover">What the fault cost in failed requests, when there was one.</param>
/// <param name="Desks">What the desktops and customers did.</param>
/// <param name="Notes">Unexpected things that broke no invariant, the first few, and how many there were.</param>
/// <param name="NoteCount">How many notes there were in all.</param>
/// <param name="LoadAverage">The machine's one-minute load average before and after.</param>
internal sealed record RunResult(
    LoadOptions Options,
    string Scenario,
    string RunId,
    string Target,
    DateTimeOffset StartedAt,
    ArrivalFigures Arrivals,
    TimeSpan Drain,
    bool Drained,
    long Requests,
    IReadOnlyList<EndpointSummary> Endpoints,
    LatencyFigures Overall,
    IReadOnlyList<SecondFigures> Seconds,
    AccountingResult Accounting,
    IReadOnlyList<(string Reason, int Count)> FailureReasons,
    FaultOutcome? Fault,
    Failover? Failover,
    DeskFigures Desks,
    IReadOnlyList<string> Notes,
    int NoteCount,
    string LoadAverage)
{
    /// <summary>Contacts acknowledged per second of arrivals.</summary>
    public double ContactsPerSecond => Arrivals.Elapsed > TimeSpan.Zero ? Accounting.Acknowledged / Arrivals.Elapsed.TotalSeconds : double.NaN;

    /// <summary>SLA thresholds crossed that fell due from the fault to the end of its failover.</summary>
    public int SlaDueDuringFailover
    {
        get
        {
            if (Failover is null)
            {
                return 0;
            }

            var from = StartedAt + Failover.KilledAt;
            var to = from + Failover.FailoverTime;
            return Accounting.SlaDue.Count(due => due >= from && due <= to);
        }
    }

    /// <summary>The row of an endpoint, or <see langword="null"/> when it was not called.</summary>
    public EndpointSummary? Endpoint(string name) => Endpoints.FirstOrDefault(endpoint => endpoint.Endpoint == name);
}
