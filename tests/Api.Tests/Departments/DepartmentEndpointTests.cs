using System.Net;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>Creating, listing and reading departments over real HTTP.</summary>
public sealed class DepartmentEndpointTests
{
    [Fact]
    public async Task CreatingADepartmentAnswersCreatedWithItsLocationAndSettings()
    {
        await using var server = await HelpdeskServer.StartAsync();

        using var response = await server.PostRawJsonAsync(
            "/api/departments",
            """{"id":"billing","name":"Billing","strategy":"round_robin","serviceLevelTargetSeconds":30,"escalation":[{"afterSeconds":60,"action":"next_line"}]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/departments/billing", response.Headers.Location?.OriginalString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"strategy\":\"round_robin\"", text, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"next_line\"", text, StringComparison.Ordinal);
        var created = await HelpdeskServer.ReadOkAsync<DepartmentSnapshot>(response);
        Assert.Equal("billing", created.Id);
        Assert.Equal("Billing", created.Settings.Name);
        Assert.Equal(RoutingStrategy.RoundRobin, created.Settings.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(30), created.Settings.ServiceLevelTarget);
        Assert.Equal([new EscalationStep(TimeSpan.FromSeconds(60), EscalationAction.NextLine)], created.Settings.Escalation);
    }

    [Fact]
    public async Task ADepartmentWithoutOptionalSettingsGetsTheDefaults()
    {
        await using var server = await HelpdeskServer.StartAsync();

        using var response = await server.PostRawJsonAsync("/api/departments", """{"id":"support"}""");

        var created = await HelpdeskServer.ReadOkAsync<DepartmentSnapshot>(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("support", created.Settings.Name);
        Assert.Equal(RoutingStrategy.LongestIdle, created.Settings.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(20), created.Settings.ServiceLevelTarget);
        Assert.Empty(created.Settings.Escalation);
    }

    [Fact]
    public async Task AnEscalationToAnExistingNeighbourIsAccepted()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("sales");

        using var response = await server.PostRawJsonAsync(
            "/api/departments",
            """{"id":"support","escalation":[{"afterSeconds":30,"action":"relax_skill"},{"afterSeconds":90,"action":"neighbour_department","department":"sales"}]}""");

        var created = await HelpdeskServer.ReadOkAsync<DepartmentSnapshot>(response);
        Assert.Equal(
            [new EscalationStep(TimeSpan.FromSeconds(30), EscalationAction.RelaxSkill), new EscalationStep(TimeSpan.FromSeconds(90), EscalationAction.NeighbourDepartment, "sales")],
            created.Settings.Escalation);
    }

    [Fact]
    public async Task ADepartmentIdTakenAlreadyIsAConflictThatKeepsTheFirst()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.PostOkAsync<DepartmentSnapshot>("/api/departments", new { id = "billing", name = "Billing" });

        using var response = await server.PostAsync("/api/departments", new { id = "billing", name = "Another billing" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var kept = await server.GetOkAsync<DepartmentSnapshot>("/api/departments/billing");
        Assert.Equal("Billing", kept.Settings.Name);
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotTakeIsRefusedAsProblemDetails()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");

        using var response = await server.Client.DeleteAsync(new Uri("/api/departments/support", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        await server.GetOkAsync<DepartmentSnapshot>("/api/departments/support");
    }

    [Fact]
    public async Task ListingDepartmentsShowsEveryDepartmentCreated()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("support", "least_loaded");

        var departments = await server.GetOkAsync<List<DepartmentSnapshot>>("/api/departments");

        Assert.Equal(["billing", "support"], departments.Select(department => department.Id).Order(StringComparer.Ordinal));
        Assert.Equal(RoutingStrategy.LeastLoaded, departments.Single(department => department.Id == "support").Settings.Strategy);
    }
}
