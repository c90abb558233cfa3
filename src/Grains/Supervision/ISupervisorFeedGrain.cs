using Orleans.Concurrency;

namespace Helpdesk.Grains.Supervision;

/// <summary>The live stream supervisors watch; one per center, key <see cref="Center"/>.</summary>
[Alias("helpdesk.ISupervisorFeedGrain")]
public interface ISupervisorFeedGrain : IGrainWithStringKey
{
    /// <summary>The key of the center's feed.</summary>
    const string Center = "center";

    /// <summary>Adds a notice; its <see cref="SupervisorNotice.Id"/> is assigned here, whatever the caller put.</summary>
    [OneWay]
    [Alias("PublishAsync")]
    Task PublishAsync(SupervisorNotice notice);

    /// <summary>Notices after <paramref name="after"/>, waiting up to <paramref name="wait"/> for one when there is none.</summary>
    [AlwaysInterleave]
    [Alias("WatchAsync")]
    Task<IReadOnlyList<SupervisorNotice>> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default);
}
