using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Helpdesk.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Grains.Hosting;

/// <summary>Registers the contact center's grains with a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds every grain class of this assembly to the runtime, with the default routing, karma and KPI policies.</summary>
    /// <remarks>Register a <see cref="RoutingPolicy"/>, <see cref="KarmaPolicy"/> or <see cref="KpiPolicy"/> before this call to tune them.</remarks>
    public static GrainRuntimeBuilder AddHelpdeskGrains(this GrainRuntimeBuilder runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.Services.TryAddSingleton(RoutingPolicy.Default);
        runtime.Services.TryAddSingleton(KarmaPolicy.Default);
        runtime.Services.TryAddSingleton(KpiPolicy.Default);
        runtime.Services.TryAddSingleton(SlaPolicy.Default);
        runtime.Services.TryAddSingleton(BalancerPolicy.Default);
        return runtime.AddGrains(typeof(GrainsHostingExtensions).Assembly);
    }
}
