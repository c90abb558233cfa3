using System.Text.Json;
using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Invocation;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Runtime.Reminders;
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
        ILoggerFactory loggerFactory)
    {
        _services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Storage = storage;
        Registry = new GrainTypeRegistry(grainClasses.Types);
        Catalog = new Catalog(this);
        Logger = loggerFactory.CreateLogger<GrainRuntime>();
        Reminders = new ReminderService(this, reminderTable, loggerFactory.CreateLogger<ReminderService>());
    }

    /// <summary>The silo's settings.</summary>
    public SiloOptions Options { get; }

    /// <summary>The silo's clock; tests drive a manual one.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Where grain state is stored.</summary>
    public IGrainStorage Storage { get; }

    /// <summary>How many activations live on this silo now.</summary>
    public int ActivationCount => Catalog.Count;

    internal IServiceProvider Services => _services;

    internal JsonSerializerOptions StateSerializer { get; } = new(JsonSerializerDefaults.Web);

    internal GrainTypeRegistry Registry { get; }

    internal Catalog Catalog { get; }

    internal ReminderService Reminders { get; }

    internal ILogger Logger { get; }

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
