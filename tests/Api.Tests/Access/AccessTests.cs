using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Api.Tests.Access;

/// <summary>Who acts as whom: operators as themselves, keys revoked at once everywhere, stream tickets, identity providers' tokens, rate limits.</summary>
public sealed class AccessTests
{
    private const string SigningKey = "a signing key of the center's own identity provider, 256 bits or more";

    [Fact]
    public async Task AnOperatorActsAsThemselvesAndIsRefusedAsAnyoneElse()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.CreateOperatorAsync("bo", "l1", "support");
        using var ana = await server.ClientAsAsync("operator", "ana's desktop", "ana");
        var contact = await server.CreateContactAsync("cust-1", "support");

        using var asBo = await ana.PostAsJsonAsync($"/api/contacts/{contact.Id}/accept", new { operatorId = "bo" });
        using var boOffline = await ana.PutAsJsonAsync("/api/operators/bo/presence", new { presence = "offline" });
        using var asCustomer = await ana.PostAsJsonAsync($"/api/contacts/{contact.Id}/status", new { status = "confirmed", customerId = "cust-1" });
        var accepted = await HelpdeskServer.PostOkAsync<ContactSnapshot>(ana, $"/api/contacts/{contact.Id}/accept", new { });
        await server.CreateDepartmentAsync("billing");
        var other = await server.CreateContactAsync("cust-2", "billing");
        using var notHers = await ana.GetAsync(new Uri($"/api/contacts/{other.Id}", UriKind.Relative));
        using var hers = await ana.GetAsync(new Uri($"/api/contacts/{contact.Id}", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(asBo, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(boOffline, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(asCustomer, HttpStatusCode.Forbidden);
        Assert.Equal((ContactStatus.InProgress, "ana"), (accepted.Status, accepted.OperatorId));
        Assert.Equal(Presence.Offline, (await server.GetOperatorAsync("bo")).Presence);
        await ProblemAssert.IsProblemAsync(notHers, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, hers.StatusCode);
    }

    [Fact]
    public async Task AnIntegrationActsForCustomersNotForOperators()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        using var ivr = await server.ClientAsAsync("integration", "ivr");
        var contact = await HelpdeskServer.PostOkAsync<ContactReceipt>(ivr, "/api/contacts", ContactApi.NewContact("cust-1", "support"));

        using var asOperator = await ivr.PostAsJsonAsync($"/api/contacts/{contact.Id}/status", new { status = "solution_proposed", operatorId = "ana" });

        await ProblemAssert.IsProblemAsync(asOperator, HttpStatusCode.Forbidden);
        Assert.Equal(ContactStatus.Offered, (await server.GetContactAsync(contact.Id)).Status);
    }

    /// <summary>
    /// Two silos of one cluster: a key created through one works through both, each of which then keeps its
    /// verification; once revoked through one, it is refused by both on the very next request.
    /// </summary>
    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceOnEverySilo()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("revoke");
        await using var first = await HelpdeskServer.StartAsync(connectionString);
        await using var second = await HelpdeskServer.StartAsync(connectionString);
        var issued = await first.PostOkAsync<JsonElement>("/api/credentials", new { name = "wallboard", role = "supervisor" });
        using var onFirst = new HttpClient { BaseAddress = first.Client.BaseAddress }.WithKey(issued.GetProperty("key").GetString()!);
        using var onSecond = new HttpClient { BaseAddress = second.Client.BaseAddress }.WithKey(issued.GetProperty("key").GetString()!);
        var before = await Task.WhenAll(DepartmentsAsync(onFirst), DepartmentsAsync(onSecond), DepartmentsAsync(onFirst), DepartmentsAsync(onSecond));

        using var revoke = await first.Client.DeleteAsync(new Uri($"/api/credentials/{issued.GetProperty("credential").GetProperty("id").GetString()}", UriKind.Relative));
        using var afterOnFirst = await onFirst.GetAsync(new Uri("/api/departments", UriKind.Relative));
        using var afterOnSecond = await onSecond.GetAsync(new Uri("/api/departments", UriKind.Relative));

        Assert.All(before, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await ProblemAssert.IsProblemAsync(afterOnFirst, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(afterOnSecond, HttpStatusCode.Unauthorized);

        static async Task<HttpStatusCode> DepartmentsAsync(HttpClient client)
        {
            using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative));
            return response.StatusCode;
        }
    }

    [Fact]
    public async Task AStreamTicketOpensTheCallersStreamsAndNothingElse()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");
        using var ana = await server.ClientAsAsync("operator", "ana's desktop", "ana");
        var ticket = (await HelpdeskServer.PostOkAsync<JsonElement>(ana, "/api/stream-tickets", new { })).GetProperty("ticket").GetString()!;
        using var browser = new HttpClient { BaseAddress = server.Client.BaseAddress };

        using var stream = await browser.GetAsync(new Uri($"/api/operators/ana/events?ticket={ticket}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var othersStream = await browser.GetAsync(new Uri($"/api/operators/bo/events?ticket={ticket}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var notAStream = await browser.GetAsync(new Uri($"/api/operators/ana?ticket={ticket}", UriKind.Relative));
        using var forged = await browser.GetAsync(new Uri("/api/operators/ana/events?ticket=forged", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal((HttpStatusCode.OK, "text/event-stream"), (stream.StatusCode, stream.Content.Headers.ContentType?.MediaType));
        await ProblemAssert.IsProblemAsync(othersStream, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(notAStream, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokensOfTheCentersIdentityProviderActWithTheirClaimsRoles()
    {
        await using var server = await HelpdeskServer.StartAsync(settings: [$"--Authentication:SigningKey={SigningKey}", "--Authentication:Issuer=https://idp.example", "--Authentication:RoleClaim=helpdesk_role"]);
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");
        using var supervisor = new HttpClient { BaseAddress = server.Client.BaseAddress }.WithKey(Token(SigningKey, ("sub", "grace"), ("helpdesk_role", "supervisor")));
        using var ana = new HttpClient { BaseAddress = server.Client.BaseAddress }.WithKey(Token(SigningKey, ("sub", "ana"), ("helpdesk_role", "operator"), ("operator_id", "ana")));
        using var forged = new HttpClient { BaseAddress = server.Client.BaseAddress }.WithKey(Token("another key, not the one the silo trusts at all", ("sub", "eve"), ("helpdesk_role", "admin")));

        using var listed = await supervisor.GetAsync(new Uri("/api/departments", UriKind.Relative));
        using var own = await ana.GetAsync(new Uri("/api/operators/ana", UriKind.Relative));
        using var notHers = await ana.GetAsync(new Uri("/api/departments", UriKind.Relative));
        using var refused = await forged.GetAsync(new Uri("/api/departments", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (listed.StatusCode, own.StatusCode));
        await ProblemAssert.IsProblemAsync(notHers, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ACredentialOverItsRateIsToldToWaitWith429()
    {
        await using var server = await HelpdeskServer.StartAsync(settings: ["--RateLimits:Supervisor:PerSecond=1", "--RateLimits:Supervisor:Burst=3"]);
        using var supervisor = await server.ClientAsAsync("supervisor", "busy board");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await supervisor.GetAsync(new Uri("/api/departments", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var admin = await server.Client.GetAsync(new Uri("/api/departments", UriKind.Relative));

        Assert.NotNull(limited);
        Assert.True(statuses.Count(status => status == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        limited.Dispose();
    }

    [Fact]
    public async Task AKeyIsShownOnceAndStoredOnlyAsAHash()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var issued = await server.PostOkAsync<JsonElement>("/api/credentials", new { name = "crm", role = "integration" });
        var key = issued.GetProperty("key").GetString()!;
        var id = issued.GetProperty("credential").GetProperty("id").GetString()!;

        var record = await server.GetOkAsync<JsonElement>($"/api/credentials/{id}");
        var listed = await server.GetOkAsync<JsonElement>("/api/credentials");
        using var badRole = await server.PostAsync("/api/credentials", new { name = "x", role = "root" });
        using var operatorWithoutOperator = await server.PostAsync("/api/credentials", new { name = "x", role = "operator" });

        Assert.StartsWith($"hd_{id}_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key[(4 + id.Length)..], record.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(listed.EnumerateArray(), entry => entry.GetProperty("id").GetString() == id);
        Assert.Equal(("crm", "integration", "admin"), (record.GetProperty("name").GetString(), record.GetProperty("role").GetString(), record.GetProperty("createdBy").GetString()));
        Assert.Contains("role", (await ProblemAssert.NamesFieldsAsync(badRole, HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("operatorId", (await ProblemAssert.NamesFieldsAsync(operatorWithoutOperator, HttpStatusCode.BadRequest)).Keys);
    }

    private static string Token(string signingKey, params (string Type, string Value)[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.example",
            Subject = new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value))),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
}
