using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Api.Contacts;
using Helpdesk.Benchmarks.Hosting;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks.Contacts;

/// <summary>The ceiling for <c>POST /api/contacts</c>: bare Kestrel and one minimal-API route that reads the same JSON body and answers 201 with a receipt of the same shape; no grains, no storage, no middleware.</summary>
internal sealed class BareContactEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private BareContactEndpoint(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.Single());
    }

    public Uri Address { get; }

    public static async Task<BareContactEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(ApiHost.LoopbackUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        var app = builder.Build();
        app.MapPost("/api/contacts", Create);
        await app.StartAsync(cancellationToken);
        return new BareContactEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(StopLimit);
        await _app.StopAsync(limit.Token);
        await _app.DisposeAsync();
    }

    private static Created<ContactReceipt> Create(CreateContactRequest request)
    {
        var id = $"c-{Guid.NewGuid():N}"[..26];
        return TypedResults.Created(
            $"/api/contacts/{id}",
            new ContactReceipt(id, ContactStatus.Offered, request.Department ?? "", Line.L1, "op-00-00", null, "longest idle", null, "literacy not known well enough (confidence 0.00 < 0.50): first line", null));
    }
}
