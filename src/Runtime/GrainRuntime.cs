using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Diagnostics;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Invocation;
using Helpdesk.Runtime.Messaging;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Runtime;

/// <summary>One silo's grain runtime: the grain factory, its activations, storage, reminders and clock.</summary>
public sealed class GrainRuntime : IGrainFactory
{
    private readonly IServiceProvider _services;

    /// <summary>Creates the runtime; the host constructs it through <see cref="RuntimeServiceCollectionExtensions.AddGrainRuntime"/>.</summary>
    public GrainRuntime(
        IServiceProvider services,
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        IGrainStorage storage,
        IReminderTable reminderTable,
        GrainClassList grainClasses,
        IOptions<ClusterOptions> clusterOptions,
        RuntimeInstruments instruments,
        ILoggerFactory loggerFactory)
    {
        Instruments = instruments;
        _services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Storage = storage;
        Registry = new GrainTypeRegistry(grainClasses.Types);
        Catalog = new Catalog(this);
        Logger = loggerFactory.CreateLogger<GrainRuntime>();
        Reminders = new ReminderService(this, reminderTable, loggerFactory.CreateLogger<ReminderService>());
        Partitions = services.GetRequiredService<IPartitionDirectory>();
        Json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Figures such as an endless wait are +∞: they must survive a remote call and a state write.
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new GrainReferenceConverter(this) },
        };
        Remote = new RemoteCalls(this, Partitions, clusterOptions.Value, Logger);
        Calls = new CallRate(timeProvider);
        Partitions.Load = () => (Catalog.Count, Calls.Sample());
        instruments.ObserveActivations(() => Catalog.Count);
        instruments.ObservePartitionsOwned(() => Partitions.OwnedCount);
    }

    /// <summary>The silo's settings.</summary>
    public SiloOptions Options { get; }

    /// <summary>The silo's clock; tests drive a manual one.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Where grain state is stored.</summary>
    public IGrainStorage Storage { get; }

    /// <summary>How many activations live on this silo now.</summary>
    public int ActivationCount => Catalog.Count;

    /// <summary>Who owns each partition and which silos there are, as this silo last read it.</summary>
    public PartitionMap ClusterMap => Partitions.Map;

    /// <summary>How many partitions this silo serves now.</summary>
    public int OwnedPartitions => Partitions.OwnedCount;

    /// <summary>Whether this silo shares its grains with other silos on one database.</summary>
    public bool IsClustered => Partitions.IsClustered;

    internal IServiceProvider Services => _services;

    /// <summary>How state, arguments and results are serialized; grain references travel as their identity.</summary>
    internal JsonSerializerOptions Json { get; }

    internal IPartitionDirectory Partitions { get; }

    internal RuntimeInstruments Instruments { get; }

    internal CallRate Calls { get; }

    internal RemoteCalls Remote { get; }

    internal GrainTypeRegistry Registry { get; }

    internal Catalog Catalog { get; }

    internal ReminderService Reminders { get; }

    internal ILogger Logger { get; }

    /// <summary>Completes once this silo has polled for reminders due at <paramref name="time"/> and delivered every one it claimed.</summary>
    /// <remarks>A barrier for tests that drive the silo's clock by hand: advance it, then wait here before looking.</remarks>
    public async Task RemindersDeliveredAsync(DateTimeOffset time)
    {
        await Reminders.WhenPolledAsync(time);
        await Reminders.DeliveriesDoneAsync();
    }

    /// <inheritdoc />
    public TGrain Get<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return GrainProxy.Create<TGrain>(this, new GrainId(Registry.TypeNameOf(typeof(TGrain)), key));
    }

    /// <inheritdoc />
    public TGrain Get<TGrain>(GrainId id) where TGrain : IGrain => GrainProxy.Create<TGrain>(this, id);

    /// <summary>The grain type name that grain interface <typeparamref name="TGrain"/> resolves to.</summary>
    public string GrainTypeOf<TGrain>() where TGrain : IGrain => Registry.TypeNameOf(typeof(TGrain));

    /// <summary>Routes a request to the local activation of its grain, or to the silo that owns the grain's partition.</summary>
    internal void Send(GrainRequest request)
    {
        var partition = request.Target.PartitionOf(Partitions.PartitionCount);
        if (Partitions.TryGetLocal(partition, out var fence))
        {
            Catalog.Dispatch(request, fence);
        }
        else if (!Catalog.RefusesCalls(request))
        {
            // A silo that is gone must not forward either: its map is no longer kept up to date.
            Remote.Send(request, partition);
        }
    }

    internal long CallDeadline() => TimeProvider.GetUtcNow().UtcTicks + Options.CallTimeout.Ticks;

    internal async Task RunSweeperAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Options.SweepPeriod, TimeProvider);
        while (await timer.TickOrStopAsync(cancellationToken))
        {
            Catalog.Sweep(TimeProvider.GetUtcNow().UtcTicks, Options.ActivationIdleAge);
        }
    }
}
