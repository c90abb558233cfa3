using Helpdesk.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Grains.Supervision;

/// <summary>Numbers the notices supervisors should see and keeps the latest in memory for their live stream.</summary>
/// <remarks>
/// Nothing is stored: a notice is news, and the facts behind it (violations, KPIs) live with their own grains.
/// After a restart the ids go on growing from the clock, so a stream resuming from its last id misses nothing new.
/// </remarks>
[GrainType("supervisorfeed")]
internal sealed class SupervisorFeedGrain(IHostApplicationLifetime host, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, ISupervisorFeedGrain
{
    /// <summary>How many notices a stream that reconnects can catch up on.</summary>
    internal const int NoticesKept = 1000;

    private readonly EventLog<SupervisorNotice> _notices = new(NoticesKept, time, host.ApplicationStopping);

    public Task PublishAsync(SupervisorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _notices.Add(id => notice with { Id = id });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SupervisorNotice>> WatchAsync(long after, TimeSpan wait, CancellationToken cancellationToken = default) =>
        _notices.WaitAsync(after, wait, cancellationToken);
}
