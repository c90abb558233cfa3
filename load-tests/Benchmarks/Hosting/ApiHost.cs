using Helpdesk.Api.Hosting;
using Helpdesk.Grains.Hosting;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks.Hosting;

/// <summary>One silo with the whole HTTP API on a free port of 127.0.0.1, composed as the silo program composes it, in memory or on PostgreSQL.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    /// <summary>Kestrel's address for a server under load: loopback only, on a port the system picks.</summary>
    public const string LoopbackUrl = "http://127.0.0.1:0";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(LoopbackUrl);
        // Information logs would interleave with the progress lines; warnings and errors still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddHelpdeskGrains();
            if (connectionString is not null)
            {
                runtime.UsePostgreSql(connectionString);
            }
        });
        builder.Services.AddHelpdeskApi();
        var app = builder.Build();
        app.MapHelpdeskApi();
        await app.StartAsync(cancellationToken);
        try
        {
            // The silo readies its storage in the background and refuses calls until then.
            await app.Services.GetRequiredService<SiloStatus>().WhenStarted.WaitAsync(StartLimit, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            await app.DisposeAsync();
            throw new BenchmarkException($"The API's silo had not started {StartLimit.TotalSeconds:F0} s after the host did: its storage is not reachable or not migrated (see the errors logged above).", exception);
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
