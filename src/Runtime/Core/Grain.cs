using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Reminders;
using Helpdesk.Runtime.Timers;

namespace Helpdesk.Runtime.Core;

/// <summary>The base class of every grain: a virtual actor activated on demand and run one turn at a time.</summary>
/// <remarks>
/// Constructor parameters come from dependency injection; a parameter marked
/// <see cref="Persistence.PersistentStateAttribute"/> receives the grain's persistent state,
/// already read before <see cref="OnActivateAsync"/> runs.
/// </remarks>
public abstract class Grain
{
    private GrainActivation? _activation;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException("A grain can only be used once the runtime has activated it; do not construct grains directly.");

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>This grain's string key.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Runs once after the state is read and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once before the activation is dropped, after its last running turn has finished.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain as soon as the current request finishes; the next call activates it anew.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Starts a timer whose callback runs as a turn of this activation; it dies with the activation.</summary>
    /// <param name="callback">The work for each tick; ticks never overlap.</param>
    /// <param name="dueTime">Time until the first tick.</param>
    /// <param name="period">Time between ticks; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</param>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>Registers or replaces a durable reminder due after <paramref name="dueTime"/>.</summary>
    /// <param name="reminderName">The reminder's name, unique within this grain.</param>
    /// <param name="dueTime">Time until the first tick.</param>
    /// <param name="period">Time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        RegisterOrUpdateReminder(reminderName, Activation.Runtime.TimeProvider.GetUtcNow() + dueTime, period);

    /// <summary>Registers or replaces a durable reminder due at <paramref name="dueAt"/>.</summary>
    /// <param name="reminderName">The reminder's name, unique within this grain.</param>
    /// <param name="dueAt">The first tick's time.</param>
    /// <param name="period">Time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</param>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, DateTimeOffset dueAt, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GrainId} registers reminder '{reminderName}' but does not implement {nameof(IRemindable)}.");
        }

        return Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueAt, period, Activation.Fence, CancellationToken.None);
    }

    /// <summary>Removes a reminder of this grain; a no-op when it does not exist.</summary>
    protected Task UnregisterReminder(string reminderName) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName, Activation.Fence, CancellationToken.None);

    /// <summary>The reminder of this grain with that name, or <see langword="null"/>.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Activation.Runtime.Reminders.GetAsync(GrainId, reminderName, CancellationToken.None);

    internal void Attach(GrainActivation activation) => _activation = activation;
}
