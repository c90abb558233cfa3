using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
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
        var app = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings], builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return new InProcessSilo(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
