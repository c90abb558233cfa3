using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Diagnostics;
using Helpdesk.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Runtime.Hosting;

/// <summary>Adds the grain runtime to a host.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Adds a silo's grain runtime, with in-memory storage unless <paramref name="configure"/> chooses another.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RuntimeInstruments>();
        var grainClasses = new GrainClassList();
        services.AddSingleton(grainClasses);
        var builder = new GrainRuntimeBuilder(services, grainClasses);
        configure(builder);
        if (!services.Any(service => service.ServiceType == typeof(IGrainStorage)))
        {
            builder.UseInMemoryStorage();
        }

        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(provider => provider.GetRequiredService<GrainRuntime>());
        services.AddSingleton<SiloStatus>();
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
