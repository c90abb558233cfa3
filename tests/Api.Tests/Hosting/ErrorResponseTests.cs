using System.Net;
using Helpdesk.Silo.Hosting;
using Helpdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>Every error the API returns is <c>application/problem+json</c>, over real HTTP.</summary>
public sealed class ErrorResponseTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _app = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Api:DrainDelay=00:00:00", .. TestKeys.Settings], builder => builder.Logging.ClearProviders());
        _app.MapGet("/test/unavailable", () => { throw new SiloUnavailableException("The silo is shutting down."); });
        _app.MapGet("/test/timeout", () => { throw new TimeoutException("The grain did not answer."); });
        _app.MapGet("/test/bug", () => { throw new InvalidOperationException("A bug."); });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) }.WithKey();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/test/unavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("/test/timeout", HttpStatusCode.GatewayTimeout)]
    [InlineData("/test/bug", HttpStatusCode.InternalServerError)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    public async Task ErrorsAnswerProblemDetailsWithTheirStatus(string path, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)expected}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnavailableSiloAsksTheCallerToRetry()
    {
        using var response = await Client.GetAsync(new Uri("/test/unavailable", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheHealthEndpoints()
    {
        var document = await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/health/ready\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/health/live\"", document, StringComparison.Ordinal);
    }
}
