using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>Creating operators and setting their presence over real HTTP.</summary>
public sealed class OperatorEndpointTests
{
    [Fact]
    public async Task CreatingAnOperatorAnswersCreatedWithTheOperatorOffline()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");

        using var response = await server.PostRawJsonAsync(
            "/api/operators",
            """{"id":"ana","name":"Ana","line":"l2","skills":{"dns":4},"departments":["support","billing"],"wrapUpSeconds":15}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/operators/ana", response.Headers.Location?.OriginalString);
        var created = await HelpdeskServer.ReadOkAsync<OperatorSnapshot>(response);
        Assert.Equal("ana", created.Id);
        Assert.Equal(Presence.Offline, created.Presence);
        Assert.Equal(Line.L2, created.Profile.Line);
        Assert.Equal(4, created.Profile.Skills["dns"]);
        Assert.Equal(["support", "billing"], created.Profile.Departments);
        Assert.Equal(TimeSpan.FromSeconds(15), created.Profile.WrapUp);
        Assert.Empty(created.Contacts);
    }

    [Fact]
    public async Task AnOperatorIdTakenAlreadyIsAConflictThatKeepsTheFirst()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");

        using var response = await server.PostAsync("/api/operators", new { id = "ana", line = "l3", departments = new[] { "support" } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(Line.L1, (await server.GetOperatorAsync("ana")).Profile.Line);
    }

    [Fact]
    public async Task ListingOperatorsShowsEveryOperatorCreated()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");
        await server.CreateOperatorAsync("bo", "l2", "support");

        var operators = await server.GetOkAsync<List<OperatorSnapshot>>("/api/operators");

        Assert.Equal(["ana", "bo"], operators.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnOperatorSetsThemselvesAvailableOnABreakAndOffline()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");

        var available = await server.SetPresenceAsync("ana", "available");
        var onBreak = await server.SetPresenceAsync("ana", "break");
        var offline = await server.SetPresenceAsync("ana", "offline");

        Assert.Equal(Presence.Available, available.Presence);
        Assert.NotNull(available.ShiftStartedAt);
        Assert.Equal(Presence.Break, onBreak.Presence);
        Assert.Equal(Presence.Offline, offline.Presence);
        Assert.Null(offline.ShiftStartedAt);
        Assert.Equal(Presence.Offline, (await server.GetOperatorAsync("ana")).Presence);
    }
}
