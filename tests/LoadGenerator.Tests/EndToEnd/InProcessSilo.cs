using Helpdesk.Api.Hosting;
using Helpdesk.Grains.Hosting;
using Helpdesk.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.LoadGenerator.Tests.EndToEnd;

/// <summary>One silo with the whole API in memory on a real Kestrel port of 127.0.0.1, composed as the silo program composes it.</summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessSilo(WebApplication app)
    {
        _app = app;
        Url = new Uri(app.Urls.Single());
    }

    public Uri Url { get; }

    public static async Task<InProcessSilo> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGrainRuntime(runtime => runtime.AddHelpdeskGrains());
        builder.Services.AddHelpdeskApi();
        var app = builder.Build();
        app.MapHelpdeskApi();
        await app.StartAsync();
        await app.Services.GetRequiredService<SiloStatus>().WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));
        return new InProcessSilo(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
