using System.Globalization;
using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Center;
using Helpdesk.LoadGenerator.Http;

namespace Helpdesk.LoadGenerator.Reporting;

/// <summary>One line a second while the load runs: contacts, requests and failures in that second, the tail latency, what the desks hold, and the silos in rotation.</summary>
internal sealed class ProgressLine(TextWriter output, ApiClient api, ContactLedger ledger, HoldLog holds, Customers customers, ContactArrivals arrivals)
{
    private long _lastRequests;
    private int _lastSent;

    /// <summary>Prints a line every second until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                output.WriteLine(Line());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over.
        }
    }

    private string Line()
    {
        var recorder = api.Recorder;
        var now = recorder.Now;
        var requests = recorder.Requests;
        var sent = ledger.Count;
        var second = recorder.Seconds().LastOrDefault(figures => figures.Second == (int)now.TotalSeconds - 1);
        var line = string.Create(CultureInfo.InvariantCulture, $"""
            [{now.TotalSeconds,5:0} s] contacts {sent,7:N0} (+{sent - _lastSent,4}) | requests {requests,9:N0} (+{requests - _lastRequests,5}/s, failed {second?.Failed ?? 0,3}, p99 {second?.P99 ?? double.NaN,7:0.0} ms) | held {holds.Held,4} creating {arrivals.InFlight,4} open {ledger.Unsettled,5} | closed {customers.Confirmed,7:N0} abandoned {customers.Abandoned,5:N0} | silos up {api.Silos.Up}/{api.Silos.Count}
            """);
        _lastRequests = requests;
        _lastSent = sent;
        return line;
    }
}
