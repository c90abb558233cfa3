using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Messaging;

/// <summary>The silo-to-silo endpoint: HTTP/2 without TLS on the internal port, one route taking <see cref="CallEnvelope"/>s.</summary>
internal sealed class InternalServer(GrainRuntime runtime, RemoteCalls calls) : IAsyncDisposable
{
    public const string Route = "/grain-calls";

    private WebApplication? _app;

    /// <summary>Starts listening and returns the address other silos reach this one at.</summary>
    public async Task<string> StartAsync(int port, string advertisedHost, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Listen where other silos are told to call: on that address alone when it is one (127.0.0.1 by default),
        // on every interface when it is a host name, as in containers.
        var listenOn = IPAddress.TryParse(advertisedHost, out var address) ? address : IPAddress.Any;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listenOn, port, listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.MapPost(Route, HandleAsync);
        await _app.StartAsync(cancellationToken);
        var bound = new Uri(_app.Urls.First().Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        return $"http://{advertisedHost}:{bound.Port}";
    }

    /// <summary>Stops taking calls; with an already cancelled token, open connections are cut as a crash would.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var envelope = await context.Request.ReadFromJsonAsync<CallEnvelope>(runtime.Json, context.RequestAborted);
        var response = envelope is null
            ? new CallResponse(CallStatus.Error, ErrorType: typeof(ArgumentException).FullName, ErrorMessage: "The request held no call envelope.")
            : await calls.ServeAsync(envelope);
        await context.Response.WriteAsJsonAsync(response, runtime.Json, context.RequestAborted);
    }
}
