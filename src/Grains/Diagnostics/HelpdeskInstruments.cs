using System.Diagnostics.Metrics;

namespace Helpdesk.Grains.Diagnostics;

/// <summary>The contact center's own metrics: contacts routed, offers lapsed, SLA thresholds crossed, loans, queues.</summary>
/// <remarks>
/// Exported with Orleans' and ASP.NET Core's meters at <c>/metrics</c>; each silo counts what its grains did, so a sum
/// over silos is the center's figure.
/// </remarks>
public sealed class HelpdeskInstruments
{
    /// <summary>The meter's name, to export it.</summary>
    public const string MeterName = "Helpdesk";

    private readonly Counter<long> _routed;
    private readonly Counter<long> _lapsed;
    private readonly Counter<long> _crossed;
    private readonly Counter<long> _loans;
    private readonly UpDownCounter<long> _queued;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public HelpdeskInstruments(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _routed = meter.CreateCounter<long>("helpdesk.contacts.routed", "{contact}", "New contacts by where they went: offered, queued or deflected by a broadcast.");
        _lapsed = meter.CreateCounter<long>("helpdesk.offers.lapsed", "{offer}", "Offers the operator let time out, by department.");
        _crossed = meter.CreateCounter<long>("helpdesk.sla.crossed", "{threshold}", "SLA thresholds crossed, by degree (warning, violation, critical).");
        _loans = meter.CreateCounter<long>("helpdesk.loans", "{loan}", "Operators lent to another department (lent) and brought back (returned).");
        _queued = meter.CreateUpDownCounter<long>("helpdesk.queue.length", "{contact}", "Contacts waiting in a department's queue.");
    }

    /// <summary>A new contact was offered, queued or deflected.</summary>
    public void Routed(string outcome) => _routed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>An offer lapsed.</summary>
    public void OfferLapsed(string department) => _lapsed.Add(1, new KeyValuePair<string, object?>("department", department));

    /// <summary>An SLA threshold of <paramref name="degree"/> was crossed.</summary>
    public void SlaCrossed(string degree) => _crossed.Add(1, new KeyValuePair<string, object?>("degree", degree));

    /// <summary>An operator was lent (<c>lent</c>) or came back (<c>returned</c>).</summary>
    public void Loan(string kind) => _loans.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A department's queue grew or shrank by <paramref name="delta"/>.</summary>
    public void QueueChanged(string department, long delta)
    {
        if (delta != 0)
        {
            _queued.Add(delta, new KeyValuePair<string, object?>("department", department));
        }
    }
}
