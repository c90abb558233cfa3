using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>Offers over real HTTP: accepted, completed, rejected, taken by the wrong operator, or left to lapse.</summary>
public sealed class ContactOfferTests
{
    [Fact]
    public async Task TheOperatorOfferedAContactAcceptsItAndProposesASolutionWhichTheCustomerConfirms()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        var accepted = await server.ActOkAsync(receipt.Id, "accept", "ana");
        var holding = await server.GetOperatorAsync("ana");
        var completed = await server.ProposeOkAsync(receipt.Id, "ana");

        Assert.Equal(ContactStatus.InProgress, accepted.Status);
        Assert.Equal("ana", accepted.OperatorId);
        Assert.True(Assert.Single(holding.Contacts).Accepted);
        Assert.Equal(ContactStatus.SolutionProposed, completed.Status);
        Assert.Equal([ContactStatus.Offered, ContactStatus.InProgress, ContactStatus.SolutionProposed], completed.History.Select(change => change.Status));
        Assert.Equal(["router", "ana", "ana"], completed.History.Select(change => change.By));
        var after = await server.GetOperatorAsync("ana");
        Assert.Empty(after.Contacts);
        Assert.Equal((1, 1, 1), (after.Kpi.Offered, after.Kpi.Accepted, after.Kpi.Completed));
        Assert.Equal([receipt.Id], (await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1")).OpenContacts);

        using var confirmed = await server.MoveAsync(receipt.Id, new { status = "confirmed", customerId = "cust-1" });

        Assert.Equal(ContactStatus.Confirmed, (await HelpdeskServer.ReadOkAsync<ContactSnapshot>(confirmed)).Status);
        var customer = await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1");
        Assert.Equal("ana", customer.LastAgent);
        Assert.Empty(customer.OpenContacts);
    }

    [Fact]
    public async Task AcceptingTwiceAnswersTheContactInProgressAgain()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.ActOkAsync(receipt.Id, "accept", "ana");

        var again = await server.ActOkAsync(receipt.Id, "accept", "ana");

        Assert.Equal(ContactStatus.InProgress, again.Status);
        Assert.Equal(2, again.History.Count);
    }

    [Fact]
    public async Task AnOperatorWhoWasNotOfferedTheContactCannotAcceptItAndNothingChanges()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        using var response = await server.ActAsync(receipt.Id, "accept", "bo");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("offered to ana", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var contact = await server.GetContactAsync(receipt.Id);
        Assert.Equal(ContactStatus.Offered, contact.Status);
        Assert.Equal("ana", contact.OperatorId);
        Assert.Single(contact.History);
        Assert.Empty((await server.GetOperatorAsync("bo")).Contacts);
        Assert.False(Assert.Single((await server.GetOperatorAsync("ana")).Contacts).Accepted);
    }

    [Fact]
    public async Task OnlyTheOperatorHandlingAContactCanProposeASolution()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        using var beforeAccepting = await server.ProposeAsync(receipt.Id, "ana");
        await server.ActOkAsync(receipt.Id, "accept", "ana");
        using var byAnother = await server.ProposeAsync(receipt.Id, "bo");

        await ProblemAssert.IsProblemAsync(beforeAccepting, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(byAnother, HttpStatusCode.Conflict);
        Assert.Equal(ContactStatus.InProgress, (await server.GetContactAsync(receipt.Id)).Status);
    }

    [Fact]
    public async Task ARejectedContactIsOfferedToSomeoneElseAndNeverBackToWhoeverDeclinedIt()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        var rejectedByAna = await server.ActOkAsync(receipt.Id, "reject", "ana");
        var rejectedByBo = await server.ActOkAsync(receipt.Id, "reject", "bo");

        Assert.Equal("ana", receipt.OperatorId);
        Assert.Equal(ContactStatus.Offered, rejectedByAna.Status);
        Assert.Equal("bo", rejectedByAna.OperatorId);
        Assert.Equal(["ana"], rejectedByAna.Declined);
        Assert.Equal(["bo"], rejectedByAna.Route[^1].Candidates.Select(candidate => candidate.OperatorId));
        Assert.Contains("declined by ana", rejectedByAna.Route[^1].Note, StringComparison.Ordinal);
        Assert.Equal(ContactStatus.Queued, rejectedByBo.Status);
        Assert.Null(rejectedByBo.OperatorId);
        Assert.Equal(["ana", "bo"], rejectedByBo.Declined);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
        Assert.Equal(1, (await server.GetOperatorAsync("ana")).Kpi.Rejected);
    }

    [Fact]
    public async Task OnlyTheOperatorOfferedAContactCanRejectIt()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        using var response = await server.ActAsync(receipt.Id, "reject", "bo");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var contact = await server.GetContactAsync(receipt.Id);
        Assert.Equal("ana", contact.OperatorId);
        Assert.Empty(contact.Declined);
    }

    [Fact]
    public async Task AnOfferThatLapsedCannotBeAcceptedAndLeavesTheOperatorNotResponding()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock, routing: new RoutingPolicy { OfferTimeout = TimeSpan.FromSeconds(5) });
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        await server.AdvanceAsync(TimeSpan.FromSeconds(6));
        var requeued = await server.WaitForContactAsync(receipt.Id, contact => contact.Status == ContactStatus.Queued, "back in the queue after ana let the offer lapse");
        using var response = await server.ActAsync(receipt.Id, "accept", "ana");

        Assert.Equal("ana", receipt.OperatorId);
        Assert.Equal(["ana"], requeued.Declined);
        Assert.Contains("offer to ana timed out", requeued.Route[^1].Note, StringComparison.Ordinal);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("no longer open", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var ana = await server.GetOperatorAsync("ana");
        Assert.Equal(Presence.NotResponding, ana.Presence);
        Assert.Empty(ana.Contacts);
        Assert.Equal(1, ana.Kpi.Missed);
        Assert.Equal(ContactStatus.Queued, (await server.GetContactAsync(receipt.Id)).Status);
    }

    [Fact]
    public async Task ALapsedOfferGoesToAnotherOperatorWhoIsFree()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock, routing: new RoutingPolicy { OfferTimeout = TimeSpan.FromSeconds(5) });
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.StartShiftAsync("bo", "l1", "support");

        await server.AdvanceAsync(TimeSpan.FromSeconds(6));
        var reoffered = await server.WaitForContactAsync(receipt.Id, contact => contact.OperatorId == "bo", "offered to bo after ana let the offer lapse");

        Assert.Equal("ana", receipt.OperatorId);
        Assert.Equal(ContactStatus.Offered, reoffered.Status);
        Assert.Equal(["ana"], reoffered.Declined);
        Assert.Equal(ContactStatus.InProgress, (await server.ActOkAsync(receipt.Id, "accept", "bo")).Status);
    }
}
