using System.Net;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Operators;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>Lending an operator to another department and getting them back, over real HTTP.</summary>
public sealed class OperatorLoanTests
{
    [Fact]
    public async Task ALentOperatorTakesTheNewDepartmentsContactsAloneFinishesWhatTheyHoldAndReturns()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");
        var held = await server.CreateContactAsync("cust-1", "support", "chat");
        await server.ActOkAsync(held.Id, "accept", "ana");

        var lent = await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/move", new { department = "billing", reason = "billing is swamped" });
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/billing"),
            d => d.Members.Any(member => member.OperatorId == "ana"),
            "billing to see ana",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/support"),
            d => d.Members.Count == 0,
            "support to let ana go",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        var forBilling = await server.CreateContactAsync("cust-2", "billing", "chat");
        var forSupport = await server.CreateContactAsync("cust-3", "support", "chat");

        Assert.Equal(("billing", "billing is swamped"), (lent.Loan!.Department, lent.Loan.Reason));
        Assert.Equal("ana", forBilling.OperatorId);
        Assert.Equal(ContactStatus.Queued, forSupport.Status);
        Assert.Equal(ContactStatus.SolutionProposed, (await server.ProposeOkAsync(held.Id, "ana")).Status);

        var back = await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/return", new { });

        Assert.Null(back.Loan);
        await server.WaitForContactAsync(forSupport.Id, c => c.Status == ContactStatus.Offered && c.OperatorId == "ana", "offered to ana, back home");
    }

    [Fact]
    public async Task AReserveTakesTheBorrowersContactsAndStillTheirOwnUntilReturned()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");

        var lent = await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/move", new { department = "billing", keepsHome = true });
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/billing"),
            d => d.Members.Any(member => member.OperatorId == "ana"),
            "billing to see ana",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        var forBilling = await server.CreateContactAsync("cust-1", "billing", "chat");
        var forSupport = await server.CreateContactAsync("cust-2", "support", "chat");
        using var home = await server.PostAsync("/api/operators/ana/move", new { department = "support", keepsHome = true });

        Assert.True(lent.Loan!.KeepsHome);
        Assert.Equal("ana", forBilling.OperatorId);
        Assert.Equal("ana", forSupport.OperatorId);
        Assert.Equal(HttpStatusCode.Conflict, home.StatusCode);

        await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/return", new { });
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/billing"),
            d => d.Members.Count == 0,
            "billing to let ana go",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
        Assert.Contains((await server.GetOkAsync<DepartmentSnapshot>("/api/departments/support")).Members, member => member.OperatorId == "ana");
    }

    [Fact]
    public async Task ALoanUntilATimeEndsByItself()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.PostOkAsync<OperatorSnapshot>("/api/operators/ana/move", new { department = "billing", until = clock.GetUtcNow().AddMinutes(30) });

        await server.AdvanceAsync(TimeSpan.FromMinutes(30));

        await Eventually.ReadAsync(() => server.GetOperatorAsync("ana"), o => o.Loan is null, "ana back home", o => $"lent to {o.Loan?.Department}");
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/support"),
            d => d.Members.Any(member => member.OperatorId == "ana"),
            "support to see ana again",
            d => string.Join(", ", d.Members.Select(member => member.OperatorId)));
    }

    [Fact]
    public async Task ABadMoveIsRefusedAndChangesNothing()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");

        using var nowhere = await server.PostAsync("/api/operators/ana/move", new { department = "nowhere" });
        using var past = await server.PostAsync("/api/operators/ana/move", new { department = "support", until = clock.GetUtcNow().AddMinutes(-1) });
        using var home = await server.PostAsync("/api/operators/ana/move", new { department = "support" });
        using var notLent = await server.PostAsync("/api/operators/ana/return", new { });

        Assert.Equal(["department"], (await ProblemAssert.NamesFieldsAsync(nowhere, HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(["until"], (await ProblemAssert.NamesFieldsAsync(past, HttpStatusCode.UnprocessableEntity)).Keys);
        await ProblemAssert.IsProblemAsync(home, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(notLent, HttpStatusCode.Conflict);
        Assert.Null((await server.GetOperatorAsync("ana")).Loan);
    }
}
