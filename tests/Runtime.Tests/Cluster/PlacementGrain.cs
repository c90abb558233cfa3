using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Runtime.Tests.Cluster;

public interface IPlacementGrain : IGrainWithStringKey
{
    /// <summary>Which silo runs this grain; asking twice is harmless.</summary>
    [Idempotent]
    Task<string> SiloAsync();

    /// <summary>The same answer, but not marked idempotent.</summary>
    Task<string> TouchAsync();
}

public sealed class PlacementGrain(IOptions<SiloOptions> silo) : Grain, IPlacementGrain
{
    public Task<string> SiloAsync() => Task.FromResult(silo.Value.SiloName);

    public Task<string> TouchAsync() => Task.FromResult(silo.Value.SiloName);
}
