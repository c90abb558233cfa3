using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Routing;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Api.Tests;

/// <summary>One silo, composed as the silo program composes it, on a real Kestrel port, in memory or on PostgreSQL, optionally on a manual clock.</summary>
internal sealed class HelpdeskServer : IAsyncDisposable
{
    /// <summary>How the API writes JSON: camelCase with snake_case enum names, durations in seconds, an endless wait as <c>"Infinity"</c>.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new EnumNames() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Durations.InSeconds } },
    };

    /// <summary>How long the reminders on a manual clock may take to start and to settle.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ManualTimeProvider? _clock;

    private HelpdeskServer(WebApplication app, ManualTimeProvider? clock)
    {
        _app = app;
        _clock = clock;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) }.WithKey();
    }

    public HttpClient Client { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    private ReminderTicks Ticks => _app.Services.GetRequiredService<ReminderTicks>();

    /// <param name="connectionString">PostgreSQL, or <see langword="null"/> for memory.</param>
    /// <param name="time">The grains' clock; a <see cref="ManualTimeProvider"/> moves only when told.</param>
    /// <param name="routing">A routing policy other than the default.</param>
    /// <param name="settings">More settings, as <c>--Section:Key=value</c>.</param>
    public static async Task<HelpdeskServer> StartAsync(string? connectionString = null, TimeProvider? time = null, RoutingPolicy? routing = null, IEnumerable<string>? settings = null)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings,
            .. connectionString is null ? Array.Empty<string>() : ["--connection-string", connectionString],
            .. settings ?? [],
        ];
        var app = SiloApplication.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            if (time is ManualTimeProvider clock)
            {
                builder.Services.AddManualClock(clock);
            }
            else if (time is not null)
            {
                builder.Services.AddKeyedSingleton(TimeProviderNames.Grains, time);
            }

            if (routing is not null)
            {
                builder.Services.AddSingleton(routing);
            }
        });
        await app.StartAsync();
        var server = new HelpdeskServer(app, time as ManualTimeProvider);
        if (server._clock is not null)
        {
            await server.Ticks.StartedAsync(Patience);
        }

        return server;
    }

    /// <summary>A server in memory, or on a new PostgreSQL schema named after <paramref name="schema"/>.</summary>
    public static async Task<HelpdeskServer> StartAsync(bool onPostgres, string schema) =>
        await StartAsync(onPostgres ? (await PostgresServer.Shared).ConnectionStringForNewSchema(schema) : null);

    /// <summary>Moves the manual clock by <paramref name="by"/> once every reminder set so far waits on it, then waits until the ticks it made due are delivered.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var clock = _clock ?? throw new InvalidOperationException("This server runs on the real clock.");
        await Ticks.DeliveredAsync(Patience);
        clock.Advance(by);
        await Ticks.DeliveredAsync(Patience);
    }

    /// <summary>A client with a new API key of <paramref name="role"/> (as the API names it), given to <paramref name="name"/>.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string name, string? operatorId = null) =>
        new HttpClient { BaseAddress = Client.BaseAddress, Timeout = Client.Timeout }.WithKey(await KeyForAsync(role, name, operatorId));

    /// <summary>A new API key of <paramref name="role"/> (as the API names it), given to <paramref name="name"/>.</summary>
    public async Task<string> KeyForAsync(string role, string name, string? operatorId = null)
    {
        var issued = await PostOkAsync<JsonElement>("/api/credentials", new { name, role, operatorId });
        return issued.GetProperty("key").GetString()!;
    }

    /// <summary>POSTs <paramref name="body"/> as JSON with <paramref name="client"/> and reads the answer, failing with the problem's text when it is not a success.</summary>
    public static async Task<T> PostOkAsync<T>(HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        return await ReadOkAsync<T>(response);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and returns the response.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body) =>
        Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);

    /// <summary>POSTs and reads the answer, failing with the problem's text when it is not a success.</summary>
    public async Task<T> PostOkAsync<T>(string path, object body)
    {
        using var response = await PostAsync(path, body);
        return await ReadOkAsync<T>(response);
    }

    /// <summary>PUTs <paramref name="body"/> as JSON, naming <paramref name="ifMatch"/> as If-Match when given, and returns the response.</summary>
    public Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Client.SendAsync(request);
    }

    public async Task<T> PutOkAsync<T>(string path, object body)
    {
        using var response = await Client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        return await ReadOkAsync<T>(response);
    }

    public async Task<T> GetOkAsync<T>(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadOkAsync<T>(response);
    }

    public static async Task<T> ReadOkAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
