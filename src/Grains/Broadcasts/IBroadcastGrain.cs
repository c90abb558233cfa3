using Helpdesk.Grains.Common;

namespace Helpdesk.Grains.Broadcasts;

/// <summary>The center's broadcasts; one grain, key <see cref="Center"/>.</summary>
[Alias("helpdesk.IBroadcastGrain")]
public interface IBroadcastGrain : IGrainWithStringKey
{
    /// <summary>The key of the center's broadcasts.</summary>
    const string Center = "center";

    /// <summary>Active broadcasts that concern a contact to <paramref name="department"/> about <paramref name="topic"/> at <paramref name="at"/>.</summary>
    /// <param name="department">The department, or <see langword="null"/> when not known (then only broadcasts to all match, not department ones).</param>
    /// <param name="topic">The topic, or <see langword="null"/> when not known yet (then topic broadcasts do not match).</param>
    /// <param name="at">The time.</param>
    [Alias("ActiveAsync")]
    Task<IReadOnlyList<Broadcast>> ActiveAsync(string? department, string? topic, DateTimeOffset at);

    /// <summary>Creates <paramref name="broadcast"/> under its id, or answers again for a repeat of the same request.</summary>
    /// <param name="broadcast">The broadcast; its <see cref="Broadcast.EndedAt"/> is ignored.</param>
    /// <param name="fingerprint">The request's fingerprint: a repeat of the request that created the broadcast is answered as that request was; another is refused.</param>
    [Alias("CreateAsync")]
    Task<Reply<Broadcast>> CreateAsync(Broadcast broadcast, string fingerprint);

    /// <summary>One broadcast; not found when it never existed or was pruned.</summary>
    [Alias("GetAsync")]
    Task<Reply<Broadcast>> GetAsync(string id);

    /// <summary>The broadcasts kept, the latest start first: all of them, or only those active (or not) at <paramref name="at"/>.</summary>
    /// <param name="active"><see langword="null"/> for all; <see langword="true"/> for those active at <paramref name="at"/>; <see langword="false"/> for the others.</param>
    /// <param name="at">The time <paramref name="active"/> refers to.</param>
    [Alias("ListAsync")]
    Task<IReadOnlyList<Broadcast>> ListAsync(bool? active, DateTimeOffset at);

    /// <summary>Ends a broadcast now; refused when it is over already.</summary>
    [Alias("EndAsync")]
    Task<Reply<Broadcast>> EndAsync(string id);
}
