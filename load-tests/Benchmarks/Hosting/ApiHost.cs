using Helpdesk.Grains.Access;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks.Hosting;

/// <summary>One silo with the whole HTTP API on a free port of 127.0.0.1, composed as the silo program composes it, in memory or on PostgreSQL.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    /// <summary>Kestrel's address for a server under load: loopback only, on a port the system picks.</summary>
    public const string LoopbackUrl = "http://127.0.0.1:0";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
        Address = new Uri(app.Urls.Single());
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    /// <summary>An integration's API key, as the center's IVR would send it; with authentication off, any text.</summary>
    public string ApiKey { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="connectionString">PostgreSQL to keep grain state in, or <see langword="null"/> for memory.</param>
    /// <param name="authentication">Whether callers authenticate and are rate limited, as in production; off only to measure what that costs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ApiHost> StartAsync(string? connectionString, CancellationToken cancellationToken, bool authentication = true)
    {
        string[] args =
        [
            "--urls", LoopbackUrl, "--Api:DrainDelay=00:00:00", "--contentRoot", AppContext.BaseDirectory,
            // An integration's limit far above what one machine can send: the limiter's cost is measured, not its refusals.
            .. TestKeys.Settings, $"--Authentication:Disabled={authentication is false}", "--RateLimits:Integration:PerSecond=1000000", "--RateLimits:Integration:Burst=1000000",
            .. connectionString is null ? Array.Empty<string>() : ["--connection-string", connectionString],
        ];
        // Information logs would interleave with the progress lines; warnings and errors still show.
        var app = SiloApplication.Build(args, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        try
        {
            await app.StartAsync(limit.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            await app.DisposeAsync();
            throw new BenchmarkException($"The API's silo had not started within {StartLimit.TotalSeconds:F0} s: its storage is not reachable or not migrated (see the errors logged above).", exception);
        }

        var (id, key, hash) = Helpdesk.Grains.Access.ApiKey.New();
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICredentialGrain>(id).CreateAsync(new Identity("benchmark ivr", Role.Integration), hash, "benchmark");
        return new ApiHost(app, key);
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(StopLimit);
        await _app.StopAsync(limit.Token);
        await _app.DisposeAsync();
    }
}
