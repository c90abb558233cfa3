namespace Helpdesk.Runtime.Hosting;

/// <summary>In-memory storage needs no preparation and is always reachable.</summary>
internal sealed class InMemoryStorageBootstrap : IStorageBootstrap
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
