using Helpdesk.Api.Hosting;
using Helpdesk.Runtime.Diagnostics;
using Helpdesk.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary>A silo's API on a real Kestrel port, with its own container and so its own meters.</summary>
internal sealed class MetricsHost(WebApplication app, HttpClient client) : IAsyncDisposable
{
    public HttpClient Client => client;

    public RuntimeInstruments Instruments => app.Services.GetRequiredService<RuntimeInstruments>();

    public static async Task<MetricsHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGrainRuntime(_ => { });
        builder.Services.AddHelpdeskApi();
        var app = builder.Build();
        app.MapHelpdeskApi();
        await app.StartAsync();
        return new MetricsHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    public async Task<string> ScrapeAsync() => await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    public async Task<string[]> ScrapeLinesAsync() => (await ScrapeAsync()).Split('\n');

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }
}
