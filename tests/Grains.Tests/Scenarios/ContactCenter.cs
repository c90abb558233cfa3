using System.Text.Json;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Hosting;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Grains.Sla;
using Helpdesk.Cluster.Hosting;
using Helpdesk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Helpdesk.Grains.Tests.Scenarios;

/// <summary>Orleans' in-process test cluster with the contact center's grains on a manual clock, and the steps scenarios are told in.</summary>
/// <remarks>
/// The silos take the product's grain storage and reminders (in memory, or on PostgreSQL) and the test cluster's own
/// membership; scenarios call the grains through the cluster's client, as the API would. One-way notifications
/// (operator → department, department → contact) land a moment after the call that caused them, so a scenario waits
/// for their effect with <see cref="EventuallyAsync"/> against a real-time deadline.
/// </remarks>
internal sealed class ContactCenter : IAsyncDisposable
{
    /// <summary>How long, in real time, a one-way notification may take to show its effect.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful stop may take before it is hurried, so a stop that hangs fails its test, not the run.</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    private readonly InProcessTestCluster _cluster;
    private readonly List<string> _departments = [];
    private bool _stopped;

    private ContactCenter(InProcessTestCluster cluster, ManualTimeProvider clock)
    {
        _cluster = cluster;
        Clock = clock;
    }

    public ManualTimeProvider Clock { get; }

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The test cluster, to add, stop or kill silos.</summary>
    public InProcessTestCluster Cluster => _cluster;

    /// <summary>Starts the silos in memory, or on the PostgreSQL schema of <paramref name="connectionString"/>.</summary>
    /// <param name="routing">The routing policy; the default one when <see langword="null"/>.</param>
    /// <param name="connectionString">A PostgreSQL connection string; in memory when <see langword="null"/>.</param>
    /// <param name="clock">The clock, to restart on one that has already moved; a fresh one when <see langword="null"/>.</param>
    /// <param name="silos">How many silos the cluster starts with.</param>
    public static async Task<ContactCenter> StartAsync(RoutingPolicy? routing = null, string? connectionString = null, ManualTimeProvider? clock = null, int silos = 1)
    {
        clock ??= new ManualTimeProvider();
        var settings = new Dictionary<string, string?> { [$"ConnectionStrings:{ClusterHostingExtensions.ConnectionStringName}"] = connectionString };
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        // State and reminders are stored under the service id: a restarted cluster finds them under the same one.
        builder.Options.ServiceId = ClusterHostingExtensions.DefaultClusterId;
#pragma warning disable ORLEANSEXP003 // The directory the product runs on.
        builder.Options.UseDistributedGrainDirectory = true;
#pragma warning restore ORLEANSEXP003
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddManualClock(clock);
            if (routing is not null)
            {
                host.Services.AddSingleton(routing);
            }
        });
        builder.ConfigureSilo((_, silo) => silo.AddHelpdeskStorage(silo.Configuration).AddHelpdeskGrains());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await Task.WhenAll(cluster.Silos.Select(silo => silo.ServiceProvider.GetRequiredService<ReminderTicks>().StartedAsync(Patience)));
        return new ContactCenter(cluster, clock);
    }

    /// <summary>Creates a department; its one-second dispatch tick is a barrier of <see cref="AdvanceAsync"/>.</summary>
    public async Task AddDepartmentAsync(string id, RoutingStrategy strategy = RoutingStrategy.LongestIdle, params EscalationStep[] escalation) =>
        await AddDepartmentAsync(id, null, strategy, escalation);

    /// <summary>Creates a department with its own SLA policy.</summary>
    public async Task AddDepartmentAsync(string id, SlaPolicy? sla, RoutingStrategy strategy = RoutingStrategy.LongestIdle, params EscalationStep[] escalation)
    {
        Ok(await Grains.GetGrain<IDepartmentGrain>(id).CreateAsync(new DepartmentSettings(id, strategy, TimeSpan.FromSeconds(20), escalation, sla)));
        await Grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Departments).AddAsync(id);
        _departments.Add(id);
    }

    /// <summary>Creates an operator with one phone line and one chat slot unless told otherwise, sets their presence, and waits until each of their departments sees it.</summary>
    public async Task AddOperatorAsync(
        string id,
        string department,
        Line line = Line.L1,
        Presence presence = Presence.Available,
        IReadOnlyDictionary<string, int>? skills = null,
        IReadOnlyDictionary<Channel, int>? capacity = null,
        TimeSpan wrapUp = default)
    {
        var profile = new OperatorProfile(
            id,
            line,
            skills ?? new Dictionary<string, int>(),
            [department],
            capacity ?? new Dictionary<Channel, int> { [Channel.Phone] = 1, [Channel.Chat] = 1 },
            wrapUp);
        Ok(await Grains.GetGrain<IOperatorGrain>(id).CreateAsync(profile));
        await SetPresenceAsync(id, presence);
    }

    /// <summary>Sets an operator's presence and waits until each of their departments sees it.</summary>
    public async Task SetPresenceAsync(string operatorId, Presence presence)
    {
        var snapshot = Ok(await Grains.GetGrain<IOperatorGrain>(operatorId).SetPresenceAsync(presence));
        foreach (var department in snapshot.Profile.Departments)
        {
            await DepartmentWhenAsync(
                department,
                d => d.Members.Any(member => member.OperatorId == operatorId && member.Presence == snapshot.Presence),
                $"department {department} sees operator {operatorId} {snapshot.Presence}");
        }
    }

    /// <summary>A customer's contact arrives; its receipt tells where it went.</summary>
    public async Task<ContactReceipt> CreateContactAsync(
        string id,
        string department,
        string customer = "customer",
        Channel channel = Channel.Phone,
        int priority = 3,
        string? skill = null,
        int minProficiency = 0) =>
        Ok(await Grains.GetGrain<IContactGrain>(id).CreateAsync(new NewContact(customer, channel, $"topic of {id}", department, priority, skill, minProficiency), id));

    /// <summary>Operators of <paramref name="raterLine"/> in good standing rate the customer <paramref name="times"/> times.</summary>
    public async Task RateCustomerAsync(string customer, Line raterLine, int literacy, int temperament, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Grains.GetGrain<ICustomerGrain>(customer)
                .RateAsync(new Rating($"rater-{i}", $"earlier-{i}", raterLine, 1, literacy, temperament, Clock.GetUtcNow()));
        }
    }

    public async Task<ContactSnapshot> GetContactAsync(string id) => Ok(await Grains.GetGrain<IContactGrain>(id).GetAsync());

    public async Task<OperatorSnapshot> GetOperatorAsync(string id) => Ok(await Grains.GetGrain<IOperatorGrain>(id).GetAsync());

    public async Task<DepartmentSnapshot> GetDepartmentAsync(string id) => Ok(await Grains.GetGrain<IDepartmentGrain>(id).GetAsync());

    public Task<ContactSnapshot> ContactWhenAsync(string id, Func<ContactSnapshot, bool> condition, string expectation) =>
        EventuallyAsync(() => GetContactAsync(id), condition, $"contact {id}: {expectation}");

    public Task<OperatorSnapshot> OperatorWhenAsync(string id, Func<OperatorSnapshot, bool> condition, string expectation) =>
        EventuallyAsync(() => GetOperatorAsync(id), condition, $"operator {id}: {expectation}");

    public Task<DepartmentSnapshot> DepartmentWhenAsync(string id, Func<DepartmentSnapshot, bool> condition, string expectation) =>
        EventuallyAsync(() => GetDepartmentAsync(id), condition, $"department {id}: {expectation}");

    /// <summary>Waits until the contact is offered to <paramref name="operatorId"/>, who holds the offer.</summary>
    public async Task<ContactSnapshot> WaitForOfferAsync(string contactId, string operatorId)
    {
        var contact = await ContactWhenAsync(
            contactId, c => c.Status == ContactStatus.Offered && c.OperatorId == operatorId, $"offered to {operatorId}");
        await OperatorWhenAsync(
            operatorId, o => o.Contacts.Any(held => held.ContactId == contactId && !held.Accepted), $"holds the offer of {contactId}");
        return contact;
    }

    /// <summary>Moves the manual clock one second at a time, letting every department's tick and every reminder due in that second run before the next.</summary>
    /// <remarks>
    /// A tick is queued to its department as the clock passes it, and a department serves one request at a time in
    /// order, so a call to each department after a step returns only once that step's tick has run. The clock moves only
    /// once every reminder set so far waits on it.
    /// </remarks>
    public async Task AdvanceAsync(TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            await RemindersDeliveredAsync();
            Clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            await RemindersDeliveredAsync();
            foreach (var department in _departments)
            {
                await Grains.GetGrain<IDepartmentGrain>(department).GetAsync();
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/> in one jump once every reminder set so far waits on it, then waits until the reminders due by then are delivered.</summary>
    public async Task JumpToAsync(DateTimeOffset time)
    {
        await RemindersDeliveredAsync();
        Clock.Advance(time - Clock.GetUtcNow());
        await RemindersDeliveredAsync();
    }

    /// <summary>Waits until every live silo has delivered the reminder ticks the clock has made due and every reminder waits on the clock.</summary>
    private Task RemindersDeliveredAsync() =>
        Task.WhenAll(_cluster.GetActiveSilos().Select(silo => silo.ServiceProvider.GetRequiredService<ReminderTicks>().DeliveredAsync(Patience)));

    /// <summary>Reads until <paramref name="condition"/> holds, failing with <paramref name="expectation"/> and the last value read, as JSON.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string expectation) =>
        Eventually.ReadAsync(read, condition, expectation, value => JsonSerializer.Serialize(value), Patience);

    /// <summary>The reply's value, failing with its error when the grain refused.</summary>
    public static T Ok<T>(Reply<T> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Assert.True(reply.Status == ReplyStatus.Ok, $"Expected an Ok reply with a {typeof(T).Name}, got {reply.Status}: {reply.Error}");
        return reply.Value!;
    }

    /// <summary>Stops the silos gracefully: every activation is deactivated and the storage keeps its state.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var hurry = new CancellationTokenSource(StopLimit);
            await _cluster.StopAllSilosAsync(hurry.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _cluster.DisposeAsync();
    }
}
