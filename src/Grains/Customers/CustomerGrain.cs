using Helpdesk.Grains.Common;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Grains.Customers;

/// <summary>Keeps a customer's ratings and contacts; karma is computed from the ratings when asked, so it ages by itself.</summary>
[GrainType("customer")]
internal sealed class CustomerGrain(
    [PersistentState("customer")] IPersistentState<CustomerState> state,
    KarmaPolicy policy,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, ICustomerGrain
{
    private const int ReachedKept = 100;

    private CustomerState S => state.State;

    public Task<Reply<CustomerSnapshot>> GetAsync() =>
        Task.FromResult(S.Known ? Reply<CustomerSnapshot>.Ok(Snapshot()) : Reply<CustomerSnapshot>.NotFound("No such customer: they have never been in touch."));

    public Task<CustomerProfile> ProfileAsync()
    {
        var karma = Karma();
        return Task.FromResult(new CustomerProfile(karma, KarmaCalculator.Difficulty(karma), KarmaCalculator.IsCalm(karma, policy), S.LastAgent, [.. S.Exclusions]));
    }

    public async Task ContactOpenedAsync(string contactId, DateTimeOffset? reachedAt)
    {
        S.Known = true;
        if (!S.OpenContacts.Contains(contactId))
        {
            S.OpenContacts.Add(contactId);
        }

        if (reachedAt is { } at && !S.Reached.Exists(mark => mark.ContactId == contactId))
        {
            S.Reached.Add(new ContactMark(contactId, at));
            if (S.Reached.Count > ReachedKept)
            {
                S.Reached.RemoveAt(0);
            }
        }

        await state.SaveAsync(DeactivateOnIdle);
    }

    public Task<string?> ReachedSinceAsync(DateTimeOffset since) =>
        Task.FromResult(S.Reached.Find(mark => mark.At >= since)?.ContactId);

    public async Task ContactClosedAsync(string contactId)
    {
        if (S.OpenContacts.Remove(contactId))
        {
            await state.SaveAsync(DeactivateOnIdle);
        }
    }

    public async Task ServedByAsync(string operatorId)
    {
        if (S.LastAgent != operatorId)
        {
            S.LastAgent = operatorId;
            await state.SaveAsync(DeactivateOnIdle);
        }
    }

    public async Task<CustomerSnapshot> RateAsync(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        S.Known = true;
        S.Ratings.Add(rating);
        await state.SaveAsync(DeactivateOnIdle);
        return Snapshot();
    }

    public Task<EntryDecision> EntryAsync(Channel channel, string? department) =>
        Task.FromResult(EntryRule.Decide(Karma(), channel, department, policy));

    public async Task<CustomerSnapshot> SetExclusionAsync(string operatorId, bool excluded)
    {
        S.Known = true;
        if (excluded && !S.Exclusions.Contains(operatorId))
        {
            S.Exclusions.Add(operatorId);
        }
        else if (!excluded)
        {
            S.Exclusions.Remove(operatorId);
        }

        await state.SaveAsync(DeactivateOnIdle);
        return Snapshot();
    }

    private CustomerKarma Karma() => KarmaCalculator.Of(S.Ratings, time.GetUtcNow(), policy);

    private CustomerSnapshot Snapshot()
    {
        var karma = Karma();
        return new CustomerSnapshot(
            this.GetPrimaryKeyString(),
            karma,
            KarmaCalculator.IsLiterate(karma, policy),
            KarmaCalculator.IsCalm(karma, policy),
            KarmaCalculator.Difficulty(karma),
            S.LastAgent,
            [.. S.OpenContacts],
            [.. S.Exclusions],
            [.. S.Ratings]);
    }
}
