using System.Net;
using System.Text.Json;
using Helpdesk.Api.Tests.Departments;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>The contract as integrators first meet it: the OpenAPI document and its browsable reference, both without a key, and nothing loaded from outside.</summary>
public sealed class ApiReferenceTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task TheReferenceIsServedFromThePackageWithNothingFromOutside()
    {
        using var anonymous = new HttpClient { BaseAddress = shared.Server.Client.BaseAddress };

        using var page = await anonymous.GetAsync(new Uri("/reference/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var script = await anonymous.GetAsync(new Uri("/reference/scalar.js", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<script src=\"scalar.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task TheDocumentSaysHowToAuthenticateAndWhoMayCallEachOperation()
    {
        using var anonymous = new HttpClient { BaseAddress = shared.Server.Client.BaseAddress };

        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var root = document.RootElement;
        var move = root.GetProperty("paths").GetProperty("/api/operators/{id}/move").GetProperty("post");
        var live = root.GetProperty("paths").GetProperty("/health/live").GetProperty("get");

        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(["supervisor", "admin"], move.GetProperty("x-roles").EnumerateArray().Select(role => role.GetString()));
        Assert.True(move.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.All(["401", "403", "429"], status => Assert.True(move.GetProperty("responses").TryGetProperty(status, out _), $"{status} is not documented."));
        Assert.False(live.TryGetProperty("security", out _));
    }
}
