using System.Net;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>Departments and operators change by PUT with If-Match: the version read, or 412 when someone changed it meanwhile.</summary>
public sealed class ConcurrentEditTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADepartmentChangesOnlyOnTheVersionItWasRead(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "edits");
        await server.CreateDepartmentAsync("support");
        using var read = await server.Client.GetAsync(new Uri("/api/departments/support", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        using var changed = await server.PutAsync("/api/departments/support", new { id = "support", name = "Support desk", strategy = "round_robin", serviceLevelTargetSeconds = 30 }, etag);
        using var lost = await server.PutAsync("/api/departments/support", new { id = "support", name = "Someone else's edit" }, etag);
        using var blind = await server.PutAsync("/api/departments/support", new { id = "support", name = "No version named" }, null);
        using var odd = await server.PutAsync("/api/departments/support", new { id = "support", name = "x" }, "3");
        using var invalid = await server.PutAsync("/api/departments/support", new { id = "support", strategy = 7 }, "*");
        using var unknown = await server.PutAsync("/api/departments/nowhere", new { id = "nowhere", name = "x" }, "*");
        var now = await server.GetOkAsync<DepartmentSnapshot>("/api/departments/support");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("\"1\"", "\"2\""), (etag, changed.Headers.ETag!.Tag));
        await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(blind, HttpStatusCode.PreconditionRequired);
        Assert.Equal(["If-Match"], (await ProblemAssert.NamesFieldsAsync(odd, HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("strategy", (await ProblemAssert.NamesFieldsAsync(invalid, HttpStatusCode.BadRequest)).Keys);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(("Support desk", Grains.Routing.RoutingStrategy.RoundRobin, TimeSpan.FromSeconds(30), 2L), (now.Settings.Name, now.Settings.Strategy, now.Settings.ServiceLevelTarget, now.Version));
    }

    /// <summary>An operator moved to another department by an edit leaves the first and takes the other's contacts; what they hold stays with them.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOperatorsNewDepartmentsTakeThemAndTheOldOnesLetThemGo(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "edits");
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");
        var held = await server.CreateContactAsync("cust-1", "support");
        await server.ActOkAsync(held.Id, "accept", "ana");
        using var read = await server.Client.GetAsync(new Uri("/api/operators/ana", UriKind.Relative));

        using var moved = await server.PutAsync("/api/operators/ana", new { id = "ana", line = "l1", departments = new[] { "billing" }, name = "Ana" }, read.Headers.ETag!.Tag);
        using var stale = await server.PutAsync("/api/operators/ana", new { id = "ana", line = "l2", departments = new[] { "support" } }, read.Headers.ETag!.Tag);
        using var nowhere = await server.PutAsync("/api/operators/ana", new { id = "ana", line = "l1", departments = new[] { "nowhere" } }, "*");
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/support"),
            d => d.Members.Count == 0,
            "support to let ana go",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        var forBilling = await server.CreateContactAsync("cust-2", "billing");
        var ana = await server.GetOperatorAsync("ana");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("departments[0]", (await ProblemAssert.NamesFieldsAsync(nowhere, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(("Ana", 2L), (ana.Profile.Name, ana.ProfileVersion));
        Assert.Equal(["billing"], ana.Profile.Departments);
        Assert.Contains(ana.Contacts, contact => contact.ContactId == held.Id);
        Assert.Equal((ContactStatus.Offered, "ana"), (forBilling.Status, forBilling.OperatorId));
    }
}
