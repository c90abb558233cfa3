using System.Runtime.InteropServices;
using Orleans.Reminders.Diagnostics;

namespace Helpdesk.Testing;

/// <summary>Runs one silo's reminders on a <see cref="ManualTimeProvider"/> and tells when the silo's reminders are settled:
/// every tick the clock made due delivered, and every reminder waiting on the clock for its next tick.</summary>
/// <remarks>
/// Orleans waits for each reminder's next tick on its reminder clock, <see cref="Clock"/>, which counts the waits for a
/// tick that the manual clock ends (not the reminder list's own refresh timer, which shares the clock). Each ended wait
/// begins a tick on another thread a moment later (<c>TickFiring</c>); once the grain has handled it, the reminder arms
/// its wait for the next tick (<c>LocalReminderTickWaitArmed</c>) or stops. A reminder registered or moved reads the clock
/// for its next tick on another thread too, after the grain's call has returned: moved past its first tick before that
/// read, the clock would make it wait a whole period instead. So the barrier is: as many ticks begun as waits ended, no
/// reminder between a tick and its next wait, and every reminder started or moved (<c>LocalReminderStarted</c>,
/// <c>LocalReminderScheduleChanged</c>) waiting on its current schedule or stopped.
/// </remarks>
public sealed class ReminderTicks : IObserver<ReminderEvents.ReminderEvent>, IObserver<ReminderEvents.ReminderServiceEvent>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly IDisposable _subscription;
    private readonly IDisposable _serviceSubscription;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<(GrainId Grain, string Name)> _ticking = [];
    private readonly Dictionary<object, Schedule> _schedules = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _unarmed = new(ReferenceEqualityComparer.Instance);
    private int _waitsEnded;
    private int _begun;
    private TaskCompletionSource _delivered = Done();

    /// <summary>Counts the reminder ticks of <paramref name="silo"/>, on <paramref name="clock"/>.</summary>
    public ReminderTicks(ManualTimeProvider clock, SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Silo = silo;
        Clock = new CountingClock(clock, WaitEnded);
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
        _serviceSubscription = ReminderEvents.ServiceEvents.Subscribe(this);
    }

    /// <summary>The reminder service's clock: the manual clock, counting the waits it ends.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The silo whose reminders are counted; events of other silos in the process are ignored.</summary>
    public SiloAddress Silo { get; }

    /// <summary>Completes once the silo's reminder service has read its reminders, which it does in the background after the silo starts.</summary>
    public async Task StartedAsync(TimeSpan patience)
    {
        try
        {
            await _started.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The reminder service of silo {Silo} had not read its reminders within {patience.TotalSeconds:0} s of the silo starting.");
        }
    }

    /// <summary>Completes when every tick the clock has made due so far has been delivered and every reminder waits on the clock
    /// for its next tick; fails with a message after <paramref name="patience"/>.</summary>
    public async Task DeliveredAsync(TimeSpan patience)
    {
        Task delivered;
        lock (_lock)
        {
            delivered = _delivered.Task;
        }

        try
        {
            await delivered.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Reminder ticks due on the manual clock were not all delivered within {patience.TotalSeconds:0} s: {_waitsEnded} waits ended, {_begun} ticks begun, {_ticking.Count} not yet waiting again, {_unarmed.Count} started or moved and not yet waiting.");
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (!Equals(value.SiloAddress, Silo))
        {
            return;
        }

        lock (_lock)
        {
            switch (value)
            {
                case ReminderEvents.LocalReminderStarted started:
                    Track(started.Identity, schedule => schedule.Set(0));
                    break;
                case ReminderEvents.LocalReminderScheduleChanged moved:
                    Track(moved.Identity, schedule => schedule.Set(moved.ScheduleVersion));
                    break;
                case ReminderEvents.TickFiring:
                    _begun++;
                    _ticking.Add((value.GrainId, value.ReminderName));
                    break;
                case ReminderEvents.LocalReminderTickWaitArmed armed:
                    _ticking.Remove((value.GrainId, value.ReminderName));
                    Track(armed.Identity, schedule => schedule.Arm(armed.ScheduleVersion));
                    break;
                case ReminderEvents.LocalReminderStopped stopped:
                    _ticking.Remove((value.GrainId, value.ReminderName));
                    Track(stopped.Identity, schedule => schedule.Stop());
                    break;
                default:
                    return;
            }

            Settle();
        }
    }

    public void OnNext(ReminderEvents.ReminderServiceEvent value)
    {
        if (value is ReminderEvents.ReminderServiceStarted && Equals(value.SiloAddress, Silo))
        {
            _started.TrySetResult();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _serviceSubscription.Dispose();
    }

    private void WaitEnded()
    {
        lock (_lock)
        {
            _waitsEnded++;
            Settle();
        }
    }

    /// <summary>Opens the barrier when every ended wait has become a tick handled and every reminder waits again, closes it while one does not.</summary>
    private void Settle()
    {
        var delivered = _begun >= _waitsEnded && _ticking.Count == 0 && _unarmed.Count == 0;
        if (delivered)
        {
            _delivered.TrySetResult();
        }
        else if (_delivered.Task.IsCompleted)
        {
            _delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Applies one event to a local reminder's schedule and keeps count of the reminders not yet waiting on theirs.</summary>
    private void Track(object reminder, Action<Schedule> change)
    {
        var schedule = CollectionsMarshal.GetValueRefOrAddDefault(_schedules, reminder, out _) ??= new Schedule();
        change(schedule);
        if (schedule.Unarmed)
        {
            _unarmed.Add(reminder);
        }
        else
        {
            _unarmed.Remove(reminder);
        }
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>One local reminder's schedule versions: the latest set and the latest waited on. Its events arrive from two
    /// threads, so either may come first; a stopped reminder stays stopped.</summary>
    private sealed class Schedule
    {
        private long _set = -1;
        private long _armed = -1;

        private bool _stopped;

        public bool Unarmed => !_stopped && _set > _armed;

        public void Stop() => _stopped = true;

        public void Set(long version) => _set = Math.Max(_set, version);

        public void Arm(long version) => _armed = Math.Max(_armed, version);
    }

    /// <summary>A view of the manual clock whose timers report when they fire.</summary>
    /// <remarks>
    /// Orleans waits for a time by looping: wait with <see cref="Task.Delay(TimeSpan, TimeProvider)"/>, read the clock, wait
    /// again while time is left. Task.Delay drops the part of a wait below a millisecond, so a time with a fraction of a
    /// millisecond (the reminder list's first, randomly spread refresh) would leave that loop spinning forever on a clock
    /// that moves only when told. While one of its timers fires, this view reads the clock a millisecond ahead, which
    /// ends such a wait and changes nothing for a wait on a whole millisecond.
    /// </remarks>
    private sealed class CountingClock(ManualTimeProvider clock, Action fired) : TimeProvider
    {
        private static readonly TimeSpan Lookahead = TimeSpan.FromMilliseconds(1);

        [ThreadStatic]
        private static bool t_firing;

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => t_firing ? clock.GetUtcNow() + Lookahead : clock.GetUtcNow();

        public override long GetTimestamp() => GetUtcNow().UtcTicks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // A local reminder waiting for its next tick, rather than the reminder list's refresh.
            var tickWait = Environment.StackTrace.Contains("WaitForNextTick", StringComparison.Ordinal);
            return clock.CreateTimer(
                firing =>
                {
                    if (tickWait)
                    {
                        fired();
                    }

                    t_firing = true;
                    try
                    {
                        callback(firing);
                    }
                    finally
                    {
                        t_firing = false;
                    }
                },
                state,
                dueTime,
                period);
        }
    }
}
