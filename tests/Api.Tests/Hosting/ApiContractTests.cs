using System.Net;
using System.Text.Json;
using Helpdesk.Api.Common;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>
/// The rules every request meets, whatever its endpoint, over real HTTP: an enum only by its exact name, one id rule
/// for bodies and paths, and an OpenAPI document that says so.
/// </summary>
/// <remarks>Every test here is refused or only reads, so they share one server that never gains anything.</remarks>
public sealed class ApiContractTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private HelpdeskServer Server => shared.Server;

    /// <summary>A number, another case or padding where an enum is expected is refused naming the field, in every kind of body.</summary>
    [Theory]
    [InlineData("/api/operators", """{"id":"ann","line":-1,"departments":["support"]}""", "line")]
    [InlineData("/api/operators", """{"id":"ann","line":"L1","departments":["support"]}""", "line")]
    [InlineData("/api/operators", """{"id":"ann","line":"l1","departments":["support"],"capacity":{"PHONE":1}}""", "capacity.PHONE")]
    [InlineData("/api/contacts", """{"customerId":"cust-1","channel":1,"topic":"Login","department":"support"}""", "channel")]
    [InlineData("/api/contacts", """{"customerId":"cust-1","channel":"chat ","topic":"Login","department":"support"}""", "channel")]
    public async Task AnEnumIsReadOnlyByItsExactName(string path, string body, string field)
    {
        using var response = await Server.PostRawJsonAsync(path, body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Empty(await Server.GetOkAsync<List<OperatorSnapshot>>("/api/operators"));
    }

    [Fact]
    public async Task APresenceByNumberIsRefusedNamingIt()
    {
        using var response = await Server.PutRawJsonAsync("/api/operators/ann/presence", """{"presence":1}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["presence"], errors.Keys);
    }

    /// <summary>An id in a path meets the rule the same id meets in a body, and is refused under its route name.</summary>
    [Theory]
    [InlineData("GET", "/api/operators/two%20words", "id")]
    [InlineData("GET", "/api/contacts/semi;colon", "id")]
    [InlineData("GET", "/api/departments/%2B%2B", "id")]
    [InlineData("DELETE", "/api/customers/cust-1/exclusions/-", "operatorId")]
    public async Task AnIdInAPathThatBreaksTheIdRuleIsRefusedNamingIt(string method, string path, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await Server.Client.SendAsync(request);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
    }

    /// <summary>A duration reads back under the name and in the unit it was written with: seconds, named <c>…Seconds</c>.</summary>
    [Fact]
    public async Task ADurationReadsBackAsItWasWritten()
    {
        await using var server = await HelpdeskServer.StartAsync();

        var department = await server.PostOkAsync<JsonElement>("/api/departments", new { id = "support", serviceLevelTargetSeconds = 15, escalation = new[] { new { afterSeconds = 90, action = "next_line" } } });
        var ann = await server.PostOkAsync<JsonElement>("/api/operators", new { id = "ann", line = "l1", departments = new[] { "support" }, wrapUpSeconds = 12.5 });

        var settings = department.GetProperty("settings");
        Assert.Equal(15, settings.GetProperty("serviceLevelTargetSeconds").GetDouble());
        Assert.Equal(90, settings.GetProperty("escalation")[0].GetProperty("afterSeconds").GetDouble());
        Assert.Equal(12.5, ann.GetProperty("profile").GetProperty("wrapUpSeconds").GetDouble());
        Assert.False(ann.GetProperty("profile").TryGetProperty("wrapUp", out _));
    }

    /// <summary>Every enum the API reads or writes is described as a string of its names, exactly those the server accepts.</summary>
    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEnumByItsNames()
    {
        using var document = JsonDocument.Parse(await Server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var type in new[] { typeof(Channel), typeof(Line), typeof(Presence), typeof(ContactStatus), typeof(RoutingStrategy) })
        {
            var schema = schemas.GetProperty(type.Name);
            Assert.Equal("string", schema.GetProperty("type").GetString());
            Assert.Equal(EnumNames.All(type), [.. schema.GetProperty("enum").EnumerateArray().Select(name => name.GetString()!)]);
        }

        Assert.Equal(["l1", "l2", "l3"], EnumNames.All(typeof(Line)));
        Assert.DoesNotContain(schemas.EnumerateObject(), schema => schema.Value.ValueKind == JsonValueKind.Object && !schema.Value.EnumerateObject().Any());
    }
}
