using System.Net;
using System.Net.Http.Json;
using Helpdesk.Runtime.Hosting;
using Helpdesk.Runtime.Persistence;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>The silo as ops start it, in this process, over real HTTP.</summary>
public sealed class SiloApplicationTests
{
    [Fact]
    public async Task WithNothingConfiguredTheSiloRunsInMemoryAndIsReady()
    {
        await using var silo = await StartAsync(["--urls", "http://127.0.0.1:0"]);
        using var client = new HttpClient { BaseAddress = new Uri(silo.Urls.Single()) };

        var live = await client.GetFromJsonAsync<JsonHealth>("/health/live");
        var ready = await client.GetFromJsonAsync<JsonHealth>("/health/ready");

        Assert.Equal("up", live!.Status);
        Assert.Equal("up", ready!.Status);
        Assert.IsType<InMemoryGrainStorage>(silo.Services.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public void DefaultUrlIsLocalhostPort5000()
    {
        var silo = SiloApplication.Build([]);

        Assert.Equal("http://localhost:5000", silo.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task ReadyOnlyOnceStorageIsReachableAndMigrated()
    {
        var server = await PostgresServer.Shared;
        var database = $"late_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionStringForNewSchema("silo")) { Database = database }.ConnectionString;

        await using var silo = await StartAsync(["--urls", "http://127.0.0.1:0", "--connection-string", connectionString, "--Silo:StorageRetryPeriod=00:00:00.100"]);
        using var client = new HttpClient { BaseAddress = new Uri(silo.Urls.Single()) };

        using (var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("application/problem+json", notReady.Content.Headers.ContentType?.MediaType);
        }

        await using (var admin = NpgsqlDataSource.Create(server.ConnectionStringForNewSchema("admin")))
        {
            await admin.CreateCommand($"CREATE DATABASE {database}").ExecuteNonQueryAsync();
        }

        await silo.Services.GetRequiredService<SiloStatus>().WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var ready = await client.GetFromJsonAsync<JsonHealth>("/health/ready");
        Assert.Equal("up", ready!.Status);
    }

    private static async Task<WebApplication> StartAsync(string[] args)
    {
        var app = SiloApplication.Build(args);
        await app.StartAsync();
        return app;
    }

    private sealed record JsonHealth(string Status, string Detail);
}
