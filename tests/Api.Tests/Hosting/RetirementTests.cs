using System.Net;
using System.Text.Json;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>Retiring operators and departments: what they held goes on elsewhere, and their history stays readable.</summary>
public sealed class RetirementTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARetiredOperatorHandsBackWhatTheyHeldAndTakesNoMoreWork(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "retire");
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var held = await server.CreateContactAsync("cust-1", "support");
        await server.ActOkAsync(held.Id, "accept", "ana");
        await server.StartShiftAsync("bo", "l1", "support");

        var retired = await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/retire", new { });
        var again = await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/retire", new { });
        using var backToWork = await server.PutAsync("/api/operators/ana/presence", new { presence = "available" });
        var moved = await server.WaitForContactAsync(held.Id, c => c.Status == ContactStatus.Offered && c.OperatorId == "bo", "offered to bo once ana retired");
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/support"),
            d => d.Members.All(member => member.OperatorId != "ana"),
            "support to let ana go",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        var listed = await server.GetOkAsync<JsonElement[]>("/api/operators");

        Assert.Equal((Presence.Offline, 0), (retired.Presence, retired.Contacts.Count));
        Assert.NotNull(retired.RetiredAt);
        Assert.Equal(retired.RetiredAt, again.RetiredAt);
        await ProblemAssert.IsProblemAsync(backToWork, HttpStatusCode.Conflict);
        Assert.Equal("bo", moved.OperatorId);
        Assert.Contains(listed, entry => entry.GetProperty("id").GetString() == "ana");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARetiredDepartmentTakesNoNewContactsAndItsQueueMovesOn(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "retire");
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        var waiting = new[] { await server.CreateContactAsync("cust-1", "support"), await server.CreateContactAsync("cust-2", "support") };

        using var ontoItself = await server.PostAsync("/api/departments/support/retire", new { drainTo = "support" });
        using var ontoNothing = await server.PostAsync("/api/departments/support/retire", new { drainTo = "nowhere" });
        var retired = await server.PostOkAsync<DepartmentSnapshot>("/api/departments/support/retire", new { drainTo = "billing" });
        var billing = await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/billing"),
            d => d.Queue.Count == 2,
            "billing to hold support's two waiting contacts",
            d => $"{d.Queue.Count} waiting");
        using var newContact = await server.PostContactAsync(ContactApi.NewContact("cust-3", "support"));
        using var changed = await server.PutAsync("/api/departments/support", new { id = "support", name = "x" }, ifMatch: "*");
        using var ontoRetired = await server.PostAsync("/api/departments/billing/retire", new { drainTo = "support" });

        Assert.Contains("drainTo", (await ProblemAssert.NamesFieldsAsync(ontoItself, HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("drainTo", (await ProblemAssert.NamesFieldsAsync(ontoNothing, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(("billing", 0), (retired.DrainedTo, retired.Queue.Count));
        Assert.NotNull(retired.RetiredAt);
        Assert.Equal(waiting.Select(contact => contact.Id).Order(), billing.Queue.Select(contact => contact.ContactId).Order());
        Assert.Equal("billing", (await server.GetContactAsync(waiting[0].Id)).Department);
        Assert.Contains("department", (await ProblemAssert.NamesFieldsAsync(newContact, HttpStatusCode.BadRequest)).Keys);
        await ProblemAssert.IsProblemAsync(changed, HttpStatusCode.Conflict);
        Assert.Contains("drainTo", (await ProblemAssert.NamesFieldsAsync(ontoRetired, HttpStatusCode.BadRequest)).Keys);
    }
}
