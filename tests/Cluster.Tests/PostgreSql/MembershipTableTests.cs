using System.Net;
using Helpdesk.Cluster.PostgreSql;
using Helpdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Helpdesk.Cluster.Tests.PostgreSql;

/// <summary>Orleans' ADO.NET membership table on our schema keeps the version protocol silos rely on, each test in a cluster of its own.</summary>
public sealed class MembershipTableTests : IAsyncLifetime
{
    private static readonly DateTime Started = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private ClusterSilo? _silo;
    private AdoNetClusteringTable? _table;
    private string _clusterId = "";

    private AdoNetClusteringTable Table => _table!;

    public async Task InitializeAsync()
    {
        _silo = await ClusterSilo.StartAsync((await PostgresServer.Shared).ConnectionStringForNewSchema("membership"));
        _clusterId = $"cluster-{Guid.NewGuid():N}";
        _table = new AdoNetClusteringTable(
            _silo.Services,
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "helpdesk" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", DataSource = _silo.Services.GetRequiredService<PostgreSqlDatabase>().DataSource }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANewClusterHasVersionZeroAndNoSilos()
    {
        var table = await Table.ReadAllAsync();

        Assert.Equal(0, table.Version.Version);
        Assert.Empty(table.Members);
    }

    [Fact]
    public async Task AnInsertFromTheVersionReadSucceedsAndMovesTheVersionOn()
    {
        var before = await Table.ReadAllAsync();

        Assert.True(await Table.InsertRowAsync(Entry(11111, SiloStatus.Joining), before.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        var (entry, _) = Assert.Single(after.Members);
        Assert.Equal((SiloStatus.Joining, "silo-11111", 30001, Started), (entry.Status, entry.SiloName, entry.ProxyPort, entry.StartTime));
    }

    [Fact]
    public async Task AnInsertFromAnOlderVersionIsRefused()
    {
        var stale = await Table.ReadAllAsync();
        Assert.True(await Table.InsertRowAsync(Entry(11111, SiloStatus.Joining), stale.Version.Next()));

        Assert.False(await Table.InsertRowAsync(Entry(11112, SiloStatus.Joining), stale.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Members);
    }

    [Fact]
    public async Task ASiloInsertedTwiceIsRefusedAndTheVersionStays()
    {
        Assert.True(await Table.InsertRowAsync(Entry(11111, SiloStatus.Joining), (await Table.ReadAllAsync()).Version.Next()));

        Assert.False(await Table.InsertRowAsync(Entry(11111, SiloStatus.Joining), (await Table.ReadAllAsync()).Version.Next()));

        Assert.Equal(1, (await Table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task AnUpdateChangesStatusAndSuspicionsOnlyFromTheCurrentVersion()
    {
        var silo = Entry(11111, SiloStatus.Joining);
        Assert.True(await Table.InsertRowAsync(silo, (await Table.ReadAllAsync()).Version.Next()));
        var stale = await Table.ReadAllAsync();
        var active = Entry(11111, SiloStatus.Active);
        Assert.True(await Table.UpdateRowAsync(active, stale.Members[0].Item2, stale.Version.Next()));

        var suspected = Entry(11111, SiloStatus.Active);
        suspected.AddSuspector(Entry(11112, SiloStatus.Active).SiloAddress, Started.AddMinutes(1));
        Assert.False(await Table.UpdateRowAsync(suspected, stale.Members[0].Item2, stale.Version.Next()));
        var current = await Table.ReadAllAsync();
        Assert.True(await Table.UpdateRowAsync(suspected, current.Members[0].Item2, current.Version.Next()));

        var (entry, _) = Assert.Single((await Table.ReadAllAsync()).Members);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(Started.AddMinutes(1), Assert.Single(entry.SuspectTimes!).Item2);
        Assert.Equal(3, (await Table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task AHeartbeatMovesNoVersion()
    {
        var silo = Entry(11111, SiloStatus.Active);
        Assert.True(await Table.InsertRowAsync(silo, (await Table.ReadAllAsync()).Version.Next()));
        silo.IAmAliveTime = Started.AddMinutes(5);

        await Table.UpdateIAmAliveAsync(silo);

        var read = await Table.ReadRowAsync(silo.SiloAddress);
        Assert.Equal(1, read.Version.Version);
        Assert.Equal(Started.AddMinutes(5), read.Members[0].Item1.IAmAliveTime);
    }

    [Fact]
    public async Task ClientsAreOfferedTheActiveSilosThatAreGateways()
    {
        foreach (var (port, status, gateway) in new[] { (11111, SiloStatus.Active, 30001), (11112, SiloStatus.Active, 0), (11113, SiloStatus.Dead, 30003) })
        {
            var entry = Entry(port, status);
            entry.ProxyPort = gateway;
            Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        }

        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            _silo!.Services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", DataSource = _silo.Services.GetRequiredService<PostgreSqlDatabase>().DataSource }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "helpdesk" }));
        await gateways.InitializeGatewayListProvider();

        Assert.Equal(["gwy.tcp://127.0.0.1:30001/7"], (await gateways.GetGateways()).Select(uri => uri.ToString()));
    }

    [Fact]
    public async Task CleanupRemovesOnlyDeadSilosSilentSinceTheCutOff()
    {
        foreach (var (port, status, alive) in new[] { (11111, SiloStatus.Dead, Started), (11112, SiloStatus.Dead, Started.AddDays(2)), (11113, SiloStatus.Active, Started) })
        {
            var entry = Entry(port, status);
            entry.IAmAliveTime = alive;
            Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        }

        await Table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started.AddDays(1)));

        Assert.Equal([11112, 11113], (await Table.ReadAllAsync()).Members.Select(member => member.Item1.SiloAddress.Endpoint.Port).Order());
    }

    private static MembershipEntry Entry(int port, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "host",
        ProxyPort = 30001,
        StartTime = Started,
        IAmAliveTime = Started,
    };
}
