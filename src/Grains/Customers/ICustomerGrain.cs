using Helpdesk.Grains.Common;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Customers;

/// <summary>A customer: karma from operators' ratings, last agent, open contacts and exclusions.</summary>
/// <remarks>A customer exists once they have been in touch, rated or given an exclusion.</remarks>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>The customer; not found when never seen.</summary>
    Task<Reply<CustomerSnapshot>> GetAsync();

    /// <summary>What routing needs to place a contact of theirs.</summary>
    Task<CustomerProfile> ProfileAsync();

    /// <summary>A contact of theirs was created; <paramref name="reachedAt"/> when it put them in touch with the center, not for a task still to do.</summary>
    Task ContactOpenedAsync(string contactId, DateTimeOffset? reachedAt);

    /// <summary>The first contact that put them in touch with the center at or after <paramref name="since"/>, if any.</summary>
    Task<string?> ReachedSinceAsync(DateTimeOffset since);

    /// <summary>A ticket of theirs was closed.</summary>
    Task ContactClosedAsync(string contactId);

    /// <summary>An operator finished a conversation with them: their last agent, for affinity.</summary>
    [OneWay]
    Task ServedByAsync(string operatorId);

    /// <summary>Records a rating; the caller has checked the rater handled the contact.</summary>
    Task<CustomerSnapshot> RateAsync(Rating rating);

    /// <summary>What an IVR or web form should offer them on <paramref name="channel"/>.</summary>
    Task<EntryDecision> EntryAsync(Channel channel, string? department);

    /// <summary>Never (or again) routes them to <paramref name="operatorId"/>.</summary>
    Task<CustomerSnapshot> SetExclusionAsync(string operatorId, bool excluded);
}
