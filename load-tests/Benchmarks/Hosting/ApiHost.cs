using Helpdesk.Silo.Hosting;
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

    private ApiHost(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.Single());
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="connectionString">PostgreSQL to keep grain state in, or <see langword="null"/> for memory.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ApiHost> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        string[] args = ["--urls", LoopbackUrl, "--Api:DrainDelay=00:00:00", "--contentRoot", AppContext.BaseDirectory, .. connectionString is null ? Array.Empty<string>() : ["--connection-string", connectionString]];
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

        return new ApiHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(StopLimit);
        await _app.StopAsync(limit.Token);
        await _app.DisposeAsync();
    }
}
