using Orleans.Placement;

namespace Helpdesk.Benchmarks.Calls;

[PreferLocalPlacement]
internal sealed class PlacedPingGrain(ILocalSiloDetails silo) : Grain, IPlacedPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);

    public Task<string> Silo() => Task.FromResult(silo.Name);
}
