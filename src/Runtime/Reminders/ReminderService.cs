using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Reminders;

/// <summary>Registers reminders and, every poll period, claims the due ones and delivers them as grain calls.</summary>
/// <remarks>
/// A claim lasts <see cref="Hosting.SiloOptions.ReminderClaimDuration"/>: a delivery that fails, or a claimer that dies,
/// leaves the reminder to be claimed again once the claim expires. Deliveries run independently of the poll
/// loop, so one slow grain never delays another grain's reminder.
/// </remarks>
internal sealed partial class ReminderService(GrainRuntime runtime, IReminderTable table, ILogger<ReminderService> logger)
{
    private const int ClaimBatch = 1_000;

    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset Time, TaskCompletionSource Done)> _pollWaiters = [];
    private readonly HashSet<Task> _deliveries = [];
    private CancellationTokenSource? _stopping;
    private Task? _loop;
    private DateTimeOffset _lastPoll = DateTimeOffset.MinValue;

    public IReminderTable Table => table;

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, DateTimeOffset dueAt, TimeSpan period, Fence fence, CancellationToken cancellationToken) =>
        await table.UpsertAsync(grainId, reminderName, dueAt, period, fence, cancellationToken);

    public async Task UnregisterAsync(GrainId grainId, string reminderName, Fence fence, CancellationToken cancellationToken) =>
        await table.RemoveAsync(grainId, reminderName, fence, cancellationToken);

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        await table.ReadAsync(grainId, reminderName, cancellationToken);

    public void Start()
    {
        _stopping = new CancellationTokenSource();
        _loop = RunAsync(_stopping.Token);
    }

    /// <summary>Stops polling, waits for deliveries under way, and releases this silo's claims for others to take.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
        await DeliveriesDoneAsync().WaitAsync(cancellationToken);
        await table.ReleaseClaimsAsync(runtime.Options.SiloName, cancellationToken);
    }

    /// <summary>Stops polling at once, keeping its claims: they expire and another silo delivers them.</summary>
    public void Abandon() => _stopping?.Cancel();

    /// <summary>Completes once a poll that started at or after <paramref name="time"/> has claimed and dispatched its reminders.</summary>
    internal Task WhenPolledAsync(DateTimeOffset time)
    {
        lock (_lock)
        {
            if (_lastPoll >= time)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pollWaiters.Add((time, done));
            return done.Task;
        }
    }

    /// <summary>Completes when every delivery started so far has finished, including its table update.</summary>
    internal Task DeliveriesDoneAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll([.. _deliveries]);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(runtime.Options.ReminderPollPeriod, runtime.TimeProvider);
        do
        {
            try
            {
                await PollAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPollFailed(exception);
            }
        }
        while (await timer.TickOrStopAsync(cancellationToken));
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var claimed = await table.ClaimDueAsync(runtime.Options.SiloName, now, runtime.Options.ReminderClaimDuration, ClaimBatch, cancellationToken);
        runtime.Instruments.RemindersClaimed(claimed.Count);
        foreach (var entry in claimed)
        {
            Track(DeliverAsync(entry));
        }

        List<TaskCompletionSource> released = [];
        lock (_lock)
        {
            _lastPoll = now;
            _pollWaiters.RemoveAll(waiter =>
            {
                if (waiter.Time > now)
                {
                    return false;
                }

                released.Add(waiter.Done);
                return true;
            });
        }

        released.ForEach(done => done.TrySetResult());
    }

    private void Track(Task delivery)
    {
        lock (_lock)
        {
            _deliveries.Add(delivery);
        }

        delivery.ContinueWith(
            (task, state) =>
            {
                var service = (ReminderService)state!;
                lock (service._lock)
                {
                    service._deliveries.Remove(task);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DeliverAsync(ReminderEntry entry)
    {
        try
        {
            var grain = runtime.Get<IRemindable>(entry.GrainId);
            var deliveredAt = runtime.TimeProvider.GetUtcNow();
            await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.FirstDue, entry.Period, entry.DueAt));
            runtime.Instruments.ReminderFired(entry.DueAt, deliveredAt);
            var nextDue = ReminderSchedule.NextDue(entry.DueAt, entry.Period, runtime.TimeProvider.GetUtcNow());
            await table.CompleteAsync(entry, runtime.Options.SiloName, nextDue, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(entry.GrainId, entry.ReminderName, runtime.Options.ReminderClaimDuration, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the reminder table failed; retrying at the next period")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Reminder} of {GrainId} failed; it is delivered again once its claim expires in {ClaimDuration}")]
    private partial void LogDeliveryFailed(GrainId grainId, string reminder, TimeSpan claimDuration, Exception exception);
}
