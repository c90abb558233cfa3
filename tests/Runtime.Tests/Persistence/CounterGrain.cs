using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Persistence;

namespace Helpdesk.Runtime.Tests.Persistence;

public sealed class CounterState
{
    public int Count { get; set; }

    public List<string> Notes { get; set; } = [];
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync(string note);

    Task<int> GetAsync();

    Task<IReadOnlyList<string>> NotesAsync();

    Task ResetAsync();

    Task LeaveAsync();

    /// <summary>Counts in memory only; the count is written when the grain deactivates.</summary>
    Task CountLaterAsync();
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    private bool _dirty;

    public Task CountLaterAsync()
    {
        counter.State.Count++;
        _dirty = true;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await counter.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<int> IncrementAsync(string note)
    {
        counter.State.Count++;
        counter.State.Notes.Add(note);
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);

    public Task<IReadOnlyList<string>> NotesAsync() => Task.FromResult<IReadOnlyList<string>>(counter.State.Notes);

    public Task ResetAsync() => counter.ClearStateAsync();

    public Task LeaveAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
