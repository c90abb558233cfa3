using System.Diagnostics.Metrics;

namespace Helpdesk.Runtime.Diagnostics;

/// <summary>The runtime's metrics: grain calls, activations, owned partitions, leases, reminders and state writes.</summary>
/// <remarks>
/// Instrument names are constants because dashboards and alerts depend on them. The meter comes from the host's
/// <see cref="IMeterFactory"/>, so each silo's exporter sees only its own measurements even when several silos share a process.
/// </remarks>
public sealed class RuntimeInstruments
{
    /// <summary>The name of the runtime's meter.</summary>
    public const string MeterName = "Helpdesk.Runtime";

    /// <summary>Grain calls completed, tagged <see cref="GrainTypeTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string GrainCalls = "helpdesk.grain.calls";

    /// <summary>How long grain calls took, in seconds, tagged <see cref="GrainTypeTag"/>.</summary>
    public const string GrainCallDuration = "helpdesk.grain.call.duration";

    /// <summary>Activations living on this silo now.</summary>
    public const string Activations = "helpdesk.activations";

    /// <summary>Partitions this silo owns now.</summary>
    public const string PartitionsOwned = "helpdesk.partitions.owned";

    /// <summary>Partition leases renewed.</summary>
    public const string LeaseRenewals = "helpdesk.lease.renewals";

    /// <summary>Partition leases lost.</summary>
    public const string LeaseLosses = "helpdesk.lease.losses";

    /// <summary>Reminders that came due and were claimed for delivery.</summary>
    public const string RemindersDue = "helpdesk.reminders.due";

    /// <summary>Reminders delivered to their grain.</summary>
    public const string RemindersFired = "helpdesk.reminders.fired";

    /// <summary>Reminders delivered more than <see cref="LateAfter"/> after their due time.</summary>
    public const string RemindersLate = "helpdesk.reminders.late";

    /// <summary>Grain states written, tagged <see cref="GrainTypeTag"/>.</summary>
    public const string StateWrites = "helpdesk.state.writes";

    /// <summary>Grain state writes refused because the stored version had changed, tagged <see cref="GrainTypeTag"/>.</summary>
    public const string StateConflicts = "helpdesk.state.conflicts";

    /// <summary>The tag naming the grain type, e.g. <c>operator</c>.</summary>
    public const string GrainTypeTag = "grain_type";

    /// <summary>The tag naming how a call ended: <see cref="Ok"/>, <see cref="Error"/> or <see cref="Timeout"/>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The call returned normally.</summary>
    public const string Ok = "ok";

    /// <summary>The call threw.</summary>
    public const string Error = "error";

    /// <summary>The caller was told the call timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>A reminder delivered later than this after its due time counts as late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(1);

    // From a local call of a few microseconds to the 30 s default call timeout.
    private static readonly double[] CallDurationBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _grainCalls;
    private readonly Histogram<double> _grainCallDuration;
    private readonly Counter<long> _leaseRenewals;
    private readonly Counter<long> _leaseLosses;
    private readonly Counter<long> _remindersDue;
    private readonly Counter<long> _remindersFired;
    private readonly Counter<long> _remindersLate;
    private readonly Counter<long> _stateWrites;
    private readonly Counter<long> _stateConflicts;
    private Func<int> _activations = static () => 0;
    private Func<int> _partitionsOwned = static () => 0;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>; the host constructs this as a singleton.</summary>
    public RuntimeInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _grainCalls = meter.CreateCounter<long>(GrainCalls, "{call}", "Grain calls completed, by grain type and outcome.");
        _grainCallDuration = meter.CreateHistogram(
            GrainCallDuration,
            "s",
            "How long grain calls took, from the call to its answer.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = CallDurationBuckets });
        meter.CreateObservableGauge(Activations, () => Volatile.Read(ref _activations)(), "{activation}", "Activations living on this silo.");
        meter.CreateObservableGauge(PartitionsOwned, () => Volatile.Read(ref _partitionsOwned)(), "{partition}", "Partitions this silo owns.");
        _leaseRenewals = meter.CreateCounter<long>(LeaseRenewals, "{renewal}", "Partition leases renewed.");
        _leaseLosses = meter.CreateCounter<long>(LeaseLosses, "{loss}", "Partition leases lost to expiry or to another silo.");
        _remindersDue = meter.CreateCounter<long>(RemindersDue, "{reminder}", "Reminders that came due and were claimed for delivery.");
        _remindersFired = meter.CreateCounter<long>(RemindersFired, "{reminder}", "Reminders delivered to their grain.");
        _remindersLate = meter.CreateCounter<long>(RemindersLate, "{reminder}", "Reminders delivered more than 1 s after their due time.");
        _stateWrites = meter.CreateCounter<long>(StateWrites, "{write}", "Grain states written, by grain type.");
        _stateConflicts = meter.CreateCounter<long>(StateConflicts, "{conflict}", "Grain state writes refused because the stored version had changed, by grain type.");
    }

    /// <summary>Records a finished grain call: one call with its outcome, and its duration.</summary>
    /// <param name="grainType">The grain type name, e.g. <c>operator</c>.</param>
    /// <param name="outcome"><see cref="Ok"/>, <see cref="Error"/> or <see cref="Timeout"/>.</param>
    /// <param name="seconds">From the call to its answer.</param>
    public void CallCompleted(string grainType, string outcome, double seconds)
    {
        var grainTypeTag = new KeyValuePair<string, object?>(GrainTypeTag, grainType);
        _grainCalls.Add(1, grainTypeTag, new KeyValuePair<string, object?>(OutcomeTag, outcome));
        _grainCallDuration.Record(seconds, grainTypeTag);
    }

    /// <summary>Reports the number of activations from now on; read at every scrape.</summary>
    public void ObserveActivations(Func<int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        Volatile.Write(ref _activations, count);
    }

    /// <summary>Reports the number of owned partitions from now on; read at every scrape.</summary>
    public void ObservePartitionsOwned(Func<int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        Volatile.Write(ref _partitionsOwned, count);
    }

    /// <summary>Records a partition lease renewed.</summary>
    public void LeaseRenewed() => _leaseRenewals.Add(1);

    /// <summary>Records a partition lease lost.</summary>
    public void LeaseLost() => _leaseLosses.Add(1);

    /// <summary>Records reminders that came due and were claimed by one poll.</summary>
    public void RemindersClaimed(int count) => _remindersDue.Add(count);

    /// <summary>Records a reminder delivered, and whether it was late.</summary>
    /// <param name="dueAt">When the tick was due.</param>
    /// <param name="deliveredAt">When it was handed to the grain.</param>
    public void ReminderFired(DateTimeOffset dueAt, DateTimeOffset deliveredAt)
    {
        _remindersFired.Add(1);
        if (deliveredAt - dueAt > LateAfter)
        {
            _remindersLate.Add(1);
        }
    }

    /// <summary>Records a grain state written.</summary>
    public void StateWritten(string grainType) => _stateWrites.Add(1, new KeyValuePair<string, object?>(GrainTypeTag, grainType));

    /// <summary>Records a grain state write refused because the stored version had changed.</summary>
    public void StateConflicted(string grainType) => _stateConflicts.Add(1, new KeyValuePair<string, object?>(GrainTypeTag, grainType));
}
