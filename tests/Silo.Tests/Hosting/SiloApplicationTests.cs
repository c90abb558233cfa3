using System.Net;
using System.Net.Http.Json;
using Helpdesk.Api.Access;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>The silo as ops start it, in this process, over real HTTP.</summary>
public sealed class SiloApplicationTests
{
    [Fact]
    public async Task WithNothingConfiguredTheSiloRunsInMemoryAndIsReady()
    {
        await using var silo = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings]);
        await silo.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(silo.Urls.Single()) }.WithKey();

        var live = await client.GetFromJsonAsync<JsonHealth>("/health/live");
        var ready = await client.GetFromJsonAsync<JsonHealth>("/health/ready");

        Assert.Equal("up", live!.Status);
        Assert.Equal("up", ready!.Status);
        Assert.IsType<Helpdesk.Cluster.Storage.InMemoryGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>("Default"));
        var cluster = silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("helpdesk", "helpdesk"), (cluster.ClusterId, cluster.ServiceId));
    }

    [Fact]
    public async Task OrleansDashboardIsServedAtSlashDashboardOnlyWhenAskedFor()
    {
        await using var plain = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings]);
        await plain.StartAsync();
        using (var client = new HttpClient { BaseAddress = new Uri(plain.Urls.Single()) }.WithKey())
        using (var absent = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        }

        await plain.StopAsync();
        await using var silo = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", TestKeys.Setting, "--Orleans:Dashboard=true"]);
        await silo.StartAsync();
        using var dashboard = new HttpClient { BaseAddress = new Uri(silo.Urls.Single()) }.WithKey();
        Assert.Contains("<title>Orleans Dashboard</title>", await dashboard.GetStringAsync(new Uri("/dashboard/", UriKind.Relative)), StringComparison.Ordinal);
        await Eventually.ReadAsync(
            () => dashboard.GetStringAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative)),
            counters => counters.Contains("\"siloAddress\"", StringComparison.Ordinal),
            "the dashboard's counters list this silo",
            patience: TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Secure by default: a cluster with no key configured gets one admin key on its first start, written to the file
    /// named; it works at once, and a later start of the cluster (its state on PostgreSQL) issues none.
    /// </summary>
    [Fact]
    public async Task TheFirstStartIssuesOneAdminKeyAndLaterStartsNone()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("firstkey");
        var file = Path.Combine(Path.GetTempPath(), $"helpdesk-admin-{Guid.NewGuid():N}.key");
        string[] args = ["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", "--connection-string", connectionString, $"--Authentication:FirstKeyFile={file}"];
        try
        {
            string key;
            await using (var first = SiloApplication.Build(args))
            {
                await first.StartAsync();
                await FirstKeyServiceOf(first).ExecuteTask!;
                key = (await File.ReadAllTextAsync(file)).Trim();
                using var client = new HttpClient { BaseAddress = new Uri(first.Urls.Single()) }.WithKey(key);
                using var anonymous = new HttpClient { BaseAddress = new Uri(first.Urls.Single()) };

                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/cluster", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/cluster", UriKind.Relative))).StatusCode);
                Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), "Only its owner may read the key file.");
            }

            File.Delete(file);
            await using var again = SiloApplication.Build(args);
            await again.StartAsync();
            await FirstKeyServiceOf(again).ExecuteTask!;
            using var kept = new HttpClient { BaseAddress = new Uri(again.Urls.Single()) }.WithKey(key);

            Assert.False(File.Exists(file), "A second start of the cluster must not issue another first key.");
            Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync(new Uri("/api/cluster", UriKind.Relative))).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static FirstAdminKey FirstKeyServiceOf(WebApplication silo) =>
        silo.Services.GetServices<IHostedService>().OfType<FirstAdminKey>().Single();

    [Fact]
    public void MembershipProbesEveryTwoSecondsAndWaitsAtMostThreeUnlessConfigured()
    {
        var tuned = Membership(SiloApplication.Build([]));
        var configured = Membership(SiloApplication.Build(["--Orleans:Membership:ProbeTimeout=00:00:05"]));
        var both = Membership(SiloApplication.Build(["--Orleans:Membership:ProbeTimeout=00:00:05", "--Orleans:Membership:MaxProbeTimeout=00:00:20"]));

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)), (tuned.ProbeTimeout, tuned.MaxProbeTimeout));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.5)), (configured.ProbeTimeout, configured.MaxProbeTimeout));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), (both.ProbeTimeout, both.MaxProbeTimeout));

        static ClusterMembershipOptions Membership(WebApplication silo) => silo.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }

    [Fact]
    public void ADeadSilosGrainsStayLeasedTenSecondsUnlessConfigured()
    {
        var tuned = SiloApplication.Build([]).Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
        var configured = SiloApplication.Build(["--Orleans:Directory:RangeLeaseDuration=00:00:30"]).Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), tuned.RangeLeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), configured.RangeLeaseDuration);
    }

    [Fact]
    public void FrontEndNeedsTheSilosDatabaseAndAKnownRole()
    {
        var withoutDatabase = Assert.Throws<InvalidOperationException>(() => SiloApplication.Build(["--role", "frontend"]));
        var unknownRole = Assert.Throws<OptionsValidationException>(() => SiloApplication.Build(["--role", "gateway"]));

        Assert.Contains("ConnectionStrings:Helpdesk", withoutDatabase.Message, StringComparison.Ordinal);
        Assert.Contains("'silo' or 'frontend', not 'gateway'", unknownRole.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultUrlIsLocalhostPort5000()
    {
        var silo = SiloApplication.Build([]);

        Assert.Equal("http://localhost:5000", silo.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    /// <summary>A silo started before its database serves HTTP at once, answers 503 until it can migrate and join, then is ready without a restart.</summary>
    [Fact]
    public async Task ReadyOnlyOnceStorageIsReachableAndMigrated()
    {
        var server = await PostgresServer.Shared;
        var database = $"late_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionStringForNewSchema("silo")) { Database = database }.ConnectionString;

        await using var silo = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--connection-string", connectionString, "--Silo:StorageRetryPeriod=00:00:00.100", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings]);
        var starting = silo.StartAsync();
        using var client = new HttpClient();
        var notReady = await ReadinessWhileStartingAsync(silo, client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Status);
        Assert.Equal("application/problem+json", notReady.MediaType);
        Assert.False(starting.IsCompleted, "The silo must not have started while its database does not exist.");

        await using (var admin = NpgsqlDataSource.Create(server.ConnectionStringForNewSchema("admin")))
        {
            await admin.CreateCommand($"CREATE DATABASE {database}").ExecuteNonQueryAsync();
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        var ready = await client.GetFromJsonAsync<JsonHealth>(new Uri(new Uri(silo.Urls.Single()), "/health/ready"));
        Assert.Equal("up", ready!.Status);
    }

    /// <summary>The readiness answer once HTTP is up, which it is while the silo still waits for its database.</summary>
    private static async Task<(HttpStatusCode Status, string? MediaType)> ReadinessWhileStartingAsync(WebApplication silo, HttpClient client)
    {
        var answer = await Eventually.ReadAsync<(HttpStatusCode Status, string? MediaType)?>(
            async () =>
            {
                if (silo.Urls.SingleOrDefault() is not { } url || url.EndsWith(":0", StringComparison.Ordinal))
                {
                    return null;
                }

                try
                {
                    using var response = await client.GetAsync(new Uri(new Uri(url), "/health/ready"));
                    return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            readiness => readiness is not null,
            "the silo's HTTP endpoint to come up",
            patience: TimeSpan.FromSeconds(30));
        return answer!.Value;
    }

    private sealed record JsonHealth(string Status, string Detail);
}
