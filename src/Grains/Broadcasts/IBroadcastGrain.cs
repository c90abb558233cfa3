using Helpdesk.Runtime.Core;

namespace Helpdesk.Grains.Broadcasts;

/// <summary>The center's broadcasts; one grain, key <see cref="Center"/>.</summary>
public interface IBroadcastGrain : IGrainWithStringKey
{
    /// <summary>The key of the center's broadcasts.</summary>
    const string Center = "center";

    /// <summary>Active broadcasts that concern a contact to <paramref name="department"/> about <paramref name="topic"/> at <paramref name="at"/>.</summary>
    /// <param name="department">The department, or <see langword="null"/> for any.</param>
    /// <param name="topic">The topic, or <see langword="null"/> when not known yet (then topic broadcasts do not match).</param>
    /// <param name="at">The time.</param>
    Task<IReadOnlyList<Broadcast>> ActiveAsync(string? department, string? topic, DateTimeOffset at);
}
