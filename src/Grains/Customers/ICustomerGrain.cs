using Helpdesk.Grains.Common;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;
using Orleans.Concurrency;

namespace Helpdesk.Grains.Customers;

/// <summary>A customer: karma from operators' ratings, last agent, open contacts and exclusions.</summary>
/// <remarks>A customer exists once they have been in touch, rated or given an exclusion.</remarks>
[Alias("helpdesk.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>The customer; not found when never seen.</summary>
    [Alias("GetAsync")]
    Task<Reply<CustomerSnapshot>> GetAsync();

    /// <summary>What routing needs to place a contact of theirs.</summary>
    [Alias("ProfileAsync")]
    Task<CustomerProfile> ProfileAsync();

    /// <summary>A contact of theirs was created; <paramref name="reachedAt"/> when it put them in touch with the center, not for a task still to do.</summary>
    [Alias("ContactOpenedAsync")]
    Task ContactOpenedAsync(string contactId, DateTimeOffset? reachedAt);

    /// <summary>The first contact that put them in touch with the center at or after <paramref name="since"/>, if any.</summary>
    [Alias("ReachedSinceAsync")]
    Task<string?> ReachedSinceAsync(DateTimeOffset since);

    /// <summary>A ticket of theirs was closed.</summary>
    [Alias("ContactClosedAsync")]
    Task ContactClosedAsync(string contactId);

    /// <summary>An operator finished a conversation with them: their last agent, for affinity.</summary>
    [OneWay]
    [Alias("ServedByAsync")]
    Task ServedByAsync(string operatorId);

    /// <summary>Records a rating; the caller has checked the rater handled the contact.</summary>
    [Alias("RateAsync")]
    Task<CustomerSnapshot> RateAsync(Rating rating);

    /// <summary>What an IVR or web form should offer them on <paramref name="channel"/>.</summary>
    [Alias("EntryAsync")]
    Task<EntryDecision> EntryAsync(Channel channel, string? department);

    /// <summary>Never (or again) routes them to <paramref name="operatorId"/>.</summary>
    [Alias("SetExclusionAsync")]
    Task<CustomerSnapshot> SetExclusionAsync(string operatorId, bool excluded);
}
