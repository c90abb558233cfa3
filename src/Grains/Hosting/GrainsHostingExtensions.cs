using Helpdesk.Grains.Access;
using Helpdesk.Grains.Balancing;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Diagnostics;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Grains.Hosting;

/// <summary>Registers the contact center's grains with a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds the default routing, karma, KPI, SLA and balancer policies the grains of this assembly run on, and their instruments.</summary>
    /// <remarks>
    /// Orleans finds the grain classes itself, from the code generated into this assembly. Register a policy before
    /// this call to tune it.
    /// </remarks>
    public static ISiloBuilder AddHelpdeskGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton(RoutingPolicy.Default);
        silo.Services.TryAddSingleton(KarmaPolicy.Default);
        silo.Services.TryAddSingleton(KpiPolicy.Default);
        silo.Services.TryAddSingleton(SlaPolicy.Default);
        silo.Services.TryAddSingleton(BalancerPolicy.Default);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<HelpdeskInstruments>();
        silo.Services.TryAddSingleton<VerifiedKeys>();
        silo.Services.TryAddSingleton<IKeyRevocations, KeyRevocations>();
        silo.AddGrainService<KeyRevocationService>();
        silo.AddIncomingGrainCallFilter<ReloadAfterFailure>();
        silo.AddOutgoingGrainCallFilter<RedeliverUndeliveredCalls>();
        return silo;
    }
}
