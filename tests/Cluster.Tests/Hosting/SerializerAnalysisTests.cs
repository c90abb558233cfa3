using Helpdesk.Cluster.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Configuration;

namespace Helpdesk.Cluster.Tests.Hosting;

/// <summary>A type crossing a grain boundary without a codec stops the silo as it starts, naming the type and the method, rather than failing at the first call.</summary>
public sealed class SerializerAnalysisTests
{
    [Fact]
    public async Task AGrainInterfaceUsingATypeWithoutACodecStopsTheSiloAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseHelpdeskCluster(new ConfigurationBuilder().Build()));
        builder.Services.Configure<TypeManifestOptions>(types => types.AddInterface(typeof(IUncodedGrain)));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync());

        Assert.Contains(nameof(Uncoded), refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IUncodedGrain.TakeAsync), refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A grain interface as a developer might write it, taking a class nobody marked <c>[GenerateSerializer]</c>.</summary>
    /// <remarks>
    /// It is handed to the one silo of this test by hand: declared as a grain interface, Orleans' code generator would
    /// put it in this assembly's manifest, and every other silo of the process would refuse to start too.
    /// </remarks>
    public interface IUncodedGrain
    {
        Task TakeAsync(Uncoded value);
    }

    /// <summary>A class without a codec.</summary>
    public sealed class Uncoded
    {
        public int Value { get; set; }
    }
}
