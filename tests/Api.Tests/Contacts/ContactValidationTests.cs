using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>Contact requests refused field by field or for a contact that does not exist, and the API's description, over real HTTP.</summary>
/// <remarks>Every test here is refused or only reads, so they share one server: department <c>support</c> with <c>ana</c> at work.</remarks>
public sealed class ContactValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Theory]
    [InlineData("""{"channel":"chat","topic":"Login","department":"support"}""", "customerId")]
    [InlineData("""{"customerId":"cust 1","channel":"chat","topic":"Login","department":"support"}""", "customerId")]
    [InlineData("""{"customerId":"cust-1","topic":"Login","department":"support"}""", "channel")]
    [InlineData("""{"customerId":"cust-1","channel":"chat","department":"support"}""", "topic")]
    [InlineData("""{"customerId":"cust-1","channel":"chat","topic":"Login"}""", "department")]
    [InlineData("""{"customerId":"cust-1","channel":"chat","topic":"Login","department":"nowhere"}""", "department")]
    [InlineData("""{"customerId":"cust-1","channel":"chat","topic":"Login","department":"support","priority":6}""", "priority")]
    [InlineData("""{"customerId":"cust-1","channel":"chat","topic":"Login","department":"support","skill":"dns","minProficiency":0}""", "minProficiency")]
    public async Task AnInvalidContactIsRefusedNamingTheFieldAtFault(string body, string field)
    {
        var server = await SetUpAsync();

        using var response = await server.PostRawJsonAsync("/api/contacts", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task AnEmptyIdempotencyKeyIsRefusedNamingTheKey()
    {
        var server = await SetUpAsync();

        using var response = await server.PostContactAsync(ContactApi.NewContact("cust-1", "support"), " ");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Idempotency-Key"], errors.Keys);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("reject")]
    public async Task AnActionOnAnUnknownContactIsNotFound(string action)
    {
        var server = await SetUpAsync();

        using var response = await server.ActAsync("c-nothing", action, "ana");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnActionWithoutAnOperatorIsABadRequestNamingOperatorId()
    {
        var server = await SetUpAsync();

        using var response = await server.PostRawJsonAsync("/api/contacts/c-nothing/accept", "{}");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["operatorId"], errors.Keys);
    }

    [Fact]
    public async Task AnUnknownContactIsNotFound()
    {
        var server = await SetUpAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/contacts/c-nothing", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesContactsAndTheOperatorEventStream()
    {
        var server = await SetUpAsync();

        var document = await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/contacts\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/contacts/{id}/transfer\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/operators/{id}/events\"", document, StringComparison.Ordinal);
    }

    private Task<HelpdeskServer> SetUpAsync() => shared.SetUpOnceAsync(async server =>
    {
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
    });

    [Fact]
    public async Task TheOpenApiDocumentSaysTheEventStreamAnswersTextEventStream()
    {
        await using var server = await HelpdeskServer.StartAsync();

        using var document = System.Text.Json.JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var ok = document.RootElement.GetProperty("paths").GetProperty("/api/operators/{id}/events").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.TryGetProperty("content", out var content) && content.TryGetProperty("text/event-stream", out _),
            $"The 200 answer documents no text/event-stream content: {ok}");
    }
}
