using Helpdesk.Grains.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Broadcasts;

/// <summary>Keeps the center's broadcasts: those on, those to come, and those over for a while, for listing.</summary>
[GrainType("broadcast")]
internal sealed class BroadcastGrain(
    [PersistentState("broadcasts")] IPersistentState<BroadcastState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IBroadcastGrain
{
    /// <summary>How long a broadcast is kept once over: long enough for reviews, short enough to keep the state small.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private List<BroadcastEntry> Entries => state.State.Entries;

    public Task<IReadOnlyList<Broadcast>> ActiveAsync(string? department, string? topic, DateTimeOffset at) =>
        Task.FromResult(BroadcastMatch.Active(Entries.Select(entry => entry.Broadcast), department, topic, at));

    public async Task<Reply<Broadcast>> CreateAsync(Broadcast broadcast, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (Find(broadcast.Id) is { } existing)
        {
            // A repeat gets the answer the first request got, as if it had been lost on its way back.
            return existing.Fingerprint == fingerprint
                ? Reply<Broadcast>.Ok(existing.Broadcast with { EndedAt = null })
                : Reply<Broadcast>.Invalid("Idempotency-Key", $"Broadcast {broadcast.Id} exists already, created by another request; send a new Idempotency-Key for a new broadcast.");
        }

        if (broadcast.End <= broadcast.Start)
        {
            return Reply<Broadcast>.Invalid("end", "A broadcast ends after it starts.");
        }

        var created = broadcast with { EndedAt = null };
        Prune();
        Entries.Add(new BroadcastEntry(created, fingerprint));
        await state.SaveAsync(DeactivateOnIdle);
        return Reply<Broadcast>.Ok(created);
    }

    public Task<Reply<Broadcast>> GetAsync(string id) =>
        Task.FromResult(Find(id) is { } entry ? Reply<Broadcast>.Ok(entry.Broadcast) : Missing(id));

    public Task<IReadOnlyList<Broadcast>> ListAsync(bool? active, DateTimeOffset at) =>
        Task.FromResult<IReadOnlyList<Broadcast>>(
        [
            .. Enumerable.Reverse(Entries)
                .Select(entry => entry.Broadcast)
                .Where(broadcast => active is not { } wanted || BroadcastMatch.IsActive(broadcast, at) == wanted)
                .OrderByDescending(broadcast => broadcast.Start),
        ]);

    public async Task<Reply<Broadcast>> EndAsync(string id)
    {
        var index = Entries.FindIndex(entry => entry.Broadcast.Id == id);
        if (index < 0)
        {
            return Missing(id);
        }

        var now = time.GetUtcNow();
        var broadcast = Entries[index].Broadcast;
        if (BroadcastMatch.Over(broadcast) <= now)
        {
            return Reply<Broadcast>.Conflict(
                broadcast.EndedAt is { } endedAt ? $"Broadcast {id} was ended at {endedAt:O}." : $"Broadcast {id} is over: it ended at {broadcast.End:O}.");
        }

        var ended = broadcast with { EndedAt = now };
        Entries[index] = Entries[index] with { Broadcast = ended };
        Prune();
        await state.SaveAsync(DeactivateOnIdle);
        return Reply<Broadcast>.Ok(ended);
    }

    private static Reply<Broadcast> Missing(string id) => Reply<Broadcast>.NotFound($"No broadcast {id}.");

    private BroadcastEntry? Find(string id) => Entries.Find(entry => entry.Broadcast.Id == id);

    private void Prune()
    {
        var now = time.GetUtcNow();
        Entries.RemoveAll(entry => BroadcastMatch.IsStale(entry.Broadcast, now, Retention));
    }
}
