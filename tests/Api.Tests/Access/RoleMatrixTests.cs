using System.Net;
using System.Net.Http.Json;
using System.Text;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Tests.Access;

/// <summary>
/// Every endpoint of the running app says who may call it, and every role gets exactly that: allowed, 403, or 401 without
/// a credential. The matrix below is the contract, written out apart from the code that enforces it.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private const string Anyone = "anonymous";

    /// <summary>Who may call each endpoint, besides an admin, who may call all.</summary>
    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["GET /health/live"] = [Anyone],
        ["GET /health/ready"] = [Anyone],
        ["GET /openapi/{documentName}.json"] = [Anyone],
        ["GET /reference/{documentName?}"] = [Anyone],
        ["GET /reference/scalar.js"] = [Anyone],
        ["GET /reference/scalar.aspnetcore.js"] = [Anyone],
        ["GET /reference/favicon.svg"] = [Anyone],
        ["* /metrics"] = [Anyone],
        ["POST /api/credentials"] = [],
        ["GET /api/credentials"] = [],
        ["GET /api/credentials/{id}"] = [],
        ["DELETE /api/credentials/{id}"] = [],
        ["POST /api/stream-tickets"] = ["integration", "operator", "supervisor"],
        ["GET /api/audit"] = [],
        ["GET /api/cluster"] = [],
        ["POST /api/departments"] = ["supervisor"],
        ["GET /api/departments"] = ["supervisor", "integration"],
        ["GET /api/departments/{id}"] = ["supervisor", "integration"],
        ["GET /api/departments/{id}/queue"] = ["supervisor", "integration"],
        ["PUT /api/departments/{id}"] = ["supervisor"],
        ["POST /api/departments/{id}/retire"] = ["supervisor"],
        ["POST /api/operators/{id}/retire"] = ["supervisor"],
        ["PUT /api/operators/{id}"] = ["supervisor"],
        ["POST /api/operators"] = ["supervisor"],
        ["GET /api/operators"] = ["supervisor"],
        ["GET /api/operators/{id}"] = ["operator", "supervisor"],
        ["PUT /api/operators/{id}/presence"] = ["operator", "supervisor"],
        ["GET /api/operators/{id}/events"] = ["operator", "supervisor"],
        ["POST /api/operators/{id}/move"] = ["supervisor"],
        ["POST /api/operators/{id}/return"] = ["supervisor"],
        ["GET /api/customers/{id}"] = ["supervisor"],
        ["POST /api/customers/{id}/ratings"] = ["operator"],
        ["GET /api/customers/{id}/entry"] = ["integration"],
        ["POST /api/customers/{id}/exclusions"] = ["supervisor"],
        ["DELETE /api/customers/{id}/exclusions/{operatorId}"] = ["supervisor"],
        ["POST /api/contacts"] = ["integration"],
        ["GET /api/contacts/{id}"] = ["integration", "operator", "supervisor"],
        ["POST /api/contacts/{id}/accept"] = ["operator"],
        ["POST /api/contacts/{id}/reject"] = ["operator"],
        ["POST /api/contacts/{id}/transfer"] = ["operator"],
        ["POST /api/contacts/{id}/status"] = ["operator", "integration"],
        ["POST /api/contacts/{id}/assign"] = ["supervisor"],
        ["POST /api/contacts/{id}/feedback"] = ["integration"],
        ["POST /api/broadcasts"] = ["supervisor"],
        ["GET /api/broadcasts"] = ["integration", "supervisor"],
        ["GET /api/broadcasts/{id}"] = ["integration", "supervisor"],
        ["DELETE /api/broadcasts/{id}"] = ["supervisor"],
        ["GET /api/supervisor/events"] = ["supervisor"],
        ["GET /api/supervisor/notices"] = ["supervisor"],
        ["GET /api/balancer"] = ["supervisor"],
        ["GET /api/board"] = ["supervisor"],
        ["GET /api/board/events"] = ["supervisor"],
        ["GET /api/board/trends"] = ["supervisor"],
        ["PUT /api/balancer/mode"] = ["supervisor"],
        ["POST /api/balancer/round"] = ["supervisor"],
        ["POST /api/balancer/proposals/{proposal}/accept"] = ["supervisor"],
        ["POST /api/balancer/proposals/{proposal}/reject"] = ["supervisor"],
        ["POST /api/calls/missed"] = ["integration"],
        ["GET /api/calls/missed/{id}"] = ["integration", "supervisor"],
        ["GET /api/reports/daily"] = ["supervisor"],
        ["GET /api/reports/monthly"] = ["supervisor"],
        ["GET /api/reports/operators/{id}"] = ["operator", "supervisor"],
        ["GET /api/reports/load"] = ["supervisor"],
        ["GET /api/violations"] = ["supervisor"],
        ["GET /api/violations/summary"] = ["supervisor"],
    };

    private HelpdeskServer? _server;
    private readonly Dictionary<string, HttpClient> _clients = [];

    private HelpdeskServer Server => _server!;

    public async Task InitializeAsync()
    {
        // The matrix sends each role's requests faster than an operator's desktop may (20 a second, 60 at once): it tests
        // roles, not rates, so no role is limited here.
        _server = await HelpdeskServer.StartAsync(settings: [.. new[] { "Integration", "Operator", "Supervisor" }.SelectMany(role => new[] { $"--RateLimits:{role}:PerSecond=1000000", $"--RateLimits:{role}:Burst=1000000" })]);
        await Server.CreateDepartmentAsync("d1");
        await Server.CreateOperatorAsync("op1", "l1", "d1");
        _clients[Anyone] = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        _clients["admin"] = Server.Client;
        foreach (var role in new[] { "integration", "operator", "supervisor" })
        {
            _clients[role] = await Server.ClientAsAsync(role, $"matrix {role}", role == "operator" ? "op1" : null);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (role, client) in _clients.Where(pair => pair.Key != "admin"))
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }

    /// <summary>No endpoint is left without a policy: each names its roles or says it is public.</summary>
    [Fact]
    public void EveryEndpointHasAnExplicitPolicy()
    {
        var unguarded = Endpoints()
            .Where(endpoint => !endpoint.Metadata.OfType<IAllowAnonymous>().Any() && !endpoint.Metadata.OfType<IAuthorizeData>().Any(data => data.Roles is not null))
            .Select(Name)
            .ToList();

        Assert.True(unguarded.Count == 0, $"Endpoints without an explicit authorization policy: {string.Join(", ", unguarded)}");
    }

    /// <summary>The matrix names every endpoint the app serves, and no endpoint it does not.</summary>
    [Fact]
    public void TheMatrixCoversEveryEndpoint()
    {
        var served = Endpoints().Select(Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Matrix.Keys.Order(StringComparer.Ordinal), served);
    }

    /// <summary>Each role, and no credential at all, gets what the matrix says on every endpoint.</summary>
    [Fact]
    public async Task EveryRoleGetsWhatTheMatrixSaysOnEveryEndpoint()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, allowed) in Matrix)
        {
            foreach (var (role, client) in _clients)
            {
                var status = await StatusAsync(client, endpoint);
                var expected = allowed.Contains(Anyone) || role == "admin" || allowed.Contains(role) ? "allowed" : role == Anyone ? "401" : "403";
                var actual = status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => "allowed",
                };
                if (actual != expected)
                {
                    wrong.Add($"{endpoint} as {role}: {(int)status}, expected {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>A refusal for want of a role is problem+json naming the roles needed.</summary>
    [Fact]
    public async Task AForbiddenCallSaysWhichRolesItNeeds()
    {
        using var response = await _clients["operator"].PostAsJsonAsync("/api/departments", new { id = "d2" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("supervisor", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    /// <summary>Without a credential: 401, problem+json, and the scheme to use.</summary>
    [Fact]
    public async Task AnAnonymousCallIsAskedForAKey()
    {
        using var response = await _clients[Anyone].GetAsync(new Uri("/api/departments", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>The endpoint's method (<c>*</c> for any) and route.</summary>
    private static string Name(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? "*"} /{endpoint.RoutePattern.RawText!.Trim('/')}";

    /// <summary>The status of one call of <paramref name="endpoint"/>: route values filled in (the operator's own id where one is named), an empty JSON body; a stream is left once its headers arrive.</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string endpoint)
    {
        var (method, route) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = route
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "v1", StringComparison.Ordinal)
            .Replace("/operators/{id}", "/operators/op1", StringComparison.Ordinal)
            .Replace("{operatorId}", "op1", StringComparison.Ordinal)
            .Replace("{proposal}", "none", StringComparison.Ordinal)
            .Replace("{id}", "x1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method == "*" ? HttpMethod.Get : new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }
}
