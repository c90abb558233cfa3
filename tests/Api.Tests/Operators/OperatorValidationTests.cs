using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>Operator requests refused field by field, or for an operator who does not exist, over real HTTP.</summary>
/// <remarks>
/// Every test here is refused or only reads, so they share one server: department <c>support</c> with <c>cleo</c>
/// at work. <c>ana</c> is never created.
/// </remarks>
public sealed class OperatorValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Theory]
    [InlineData("""{"id":"ana","line":"l1","departments":["nowhere"]}""", "departments[0]")]
    [InlineData("""{"id":"ana","line":"l1","departments":["support","nowhere"]}""", "departments[1]")]
    [InlineData("""{"id":"ana","line":"l1","departments":[]}""", "departments")]
    [InlineData("""{"id":"ana","line":"l1"}""", "departments")]
    [InlineData("""{"id":"ana","line":"l1","skills":{"dns":6},"departments":["support"]}""", "skills.dns")]
    [InlineData("""{"id":"ana","line":"l1","skills":{"dns":0},"departments":["support"]}""", "skills.dns")]
    [InlineData("""{"id":"ana","departments":["support"]}""", "line")]
    [InlineData("""{"line":"l1","departments":["support"]}""", "id")]
    [InlineData("""{"id":"ana","line":"l1","departments":["support"],"wrapUpSeconds":-1}""", "wrapUpSeconds")]
    public async Task AnInvalidOperatorIsRefusedNamingTheFieldAtFault(string body, string field)
    {
        var server = await SetUpAsync();

        using var response = await server.PostRawJsonAsync("/api/operators", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        using var lookup = await server.Client.GetAsync(new Uri("/api/operators/ana", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task AnUnknownLineIsRefusedNamingTheLine()
    {
        var server = await SetUpAsync();

        using var response = await server.PostRawJsonAsync("/api/operators", """{"id":"ana","line":"l4","departments":["support"]}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("line", errors.Keys);
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("not_responding")]
    [InlineData("wrap_up")]
    public async Task APresenceOnlyTheSystemSetsIsRefusedNamingPresence(string presence)
    {
        var server = await SetUpAsync();

        using var response = await server.PutRawJsonAsync("/api/operators/cleo/presence", $$"""{"presence":"{{presence}}"}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["presence"], errors.Keys);
        Assert.Equal(Presence.Available, (await server.GetOperatorAsync("cleo")).Presence);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"presence":"asleep"}""")]
    public async Task AMissingOrUnknownPresenceIsABadRequestNamingPresence(string body)
    {
        var server = await SetUpAsync();

        using var response = await server.PutRawJsonAsync("/api/operators/cleo/presence", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("presence", errors.Keys);
        Assert.Equal(Presence.Available, (await server.GetOperatorAsync("cleo")).Presence);
    }

    [Theory]
    [InlineData("GET", "/api/operators/ghost")]
    [InlineData("PUT", "/api/operators/ghost/presence")]
    [InlineData("GET", "/api/operators/ghost/events")]
    public async Task AnUnknownOperatorIsNotFound(string method, string path)
    {
        var server = await SetUpAsync();

        using var response = method == "PUT"
            ? await server.PutRawJsonAsync(path, """{"presence":"available"}""")
            : await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private Task<HelpdeskServer> SetUpAsync() => shared.SetUpOnceAsync(async server =>
    {
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("cleo", "l1", "support");
    });

    [Fact]
    public async Task ACapacityOutOfRangeIsNamedAsTheRequestSpellsIt()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");

        using var response = await server.PostRawJsonAsync("/api/operators", """{"id":"ana","line":"l1","departments":["support"],"capacity":{"phone":99}}""");

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["capacity.phone"], errors.Keys);
    }
}
