using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>Transfers over real HTTP: to a colleague, a department or a line, and the limit on ticket football.</summary>
public sealed class ContactTransferTests
{
    [Fact]
    public async Task AContactTransferredToAColleagueIsOfferedToThemAlone()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("cy", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");

        var transferred = await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toOperatorId = "bo" });

        Assert.Equal(ContactStatus.Offered, transferred.Status);
        Assert.Equal("bo", transferred.OperatorId);
        Assert.Equal(1, transferred.Transfers);
        Assert.Equal(["bo"], transferred.Route[^1].Candidates.Select(candidate => candidate.OperatorId));
        Assert.Contains("transferred by ana to colleague bo", transferred.Route[^1].Note, StringComparison.Ordinal);
        Assert.Empty((await server.GetOperatorAsync("cy")).Contacts);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
        Assert.Equal([receipt.Id], (await server.GetOperatorAsync("bo")).Contacts.Select(held => held.ContactId));
    }

    [Fact]
    public async Task AContactTransferredToABusyColleagueWaitsForThemAlone()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.CreateOperatorAsync("bo", "l1", "support");
        await server.SetPresenceAsync("bo", "break");
        await server.StartShiftAsync("cy", "l1", "support");

        var transferred = await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toOperatorId = "bo" });
        await server.SetPresenceAsync("bo", "available");
        var offered = await server.WaitForContactAsync(receipt.Id, contact => contact.Status == ContactStatus.Offered, "offered to bo once bo is back");

        Assert.Equal(ContactStatus.Queued, transferred.Status);
        Assert.Equal("bo", offered.OperatorId);
        Assert.Empty((await server.GetOperatorAsync("cy")).Contacts);
    }

    [Fact]
    public async Task AContactTransferredToADepartmentIsRoutedThere()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("bo", "l1", "support");
        await server.StartShiftAsync("dee", "l1", "billing");

        var transferred = await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toDepartment = "billing" });

        Assert.Equal("billing", transferred.Department);
        Assert.Equal("dee", transferred.OperatorId);
        Assert.Equal("billing", transferred.Route[^1].Department);
        Assert.Empty((await server.GetOperatorAsync("bo")).Contacts);
    }

    [Fact]
    public async Task AContactTransferredToALineGoesToAnOperatorOfThatLine()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("bo", "l1", "support");
        await server.StartShiftAsync("lee", "l2", "support");

        var transferred = await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toLine = "l2" });

        Assert.Equal(Line.L2, transferred.Line);
        Assert.Equal("lee", transferred.OperatorId);
        Assert.Equal(["lee"], transferred.Route[^1].Candidates.Select(candidate => candidate.OperatorId));
    }

    [Fact]
    public async Task ATransferBeyondTheLimitIsRefusedAsTicketFootballAndChangesNothing()
    {
        await using var server = await HelpdeskServer.StartAsync(routing: new RoutingPolicy { TransferLimit = 1 });
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("bo", "l1", "support");
        await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toOperatorId = "bo" });
        await server.ActOkAsync(receipt.Id, "accept", "bo");

        using var response = await server.PostAsync($"/api/contacts/{receipt.Id}/transfer", new { operatorId = "bo", toOperatorId = "ana" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("ticket football", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var contact = await server.GetContactAsync(receipt.Id);
        Assert.Equal(ContactStatus.InProgress, contact.Status);
        Assert.Equal("bo", contact.OperatorId);
        Assert.Equal(1, contact.Transfers);
        Assert.True(Assert.Single((await server.GetOperatorAsync("bo")).Contacts).Accepted);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Theory]
    [InlineData("""{"operatorId":"ana","toOperatorId":"bo","toDepartment":"support"}""", "target")]
    [InlineData("""{"operatorId":"ana","toDepartment":"support","toLine":"l2"}""", "target")]
    [InlineData("""{"operatorId":"ana"}""", "target")]
    [InlineData("""{"toLine":"l2"}""", "operatorId")]
    public async Task ATransferNotNamingExactlyOneTargetIsABadRequest(string body, string field)
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");

        using var response = await server.PostRawJsonAsync($"/api/contacts/{receipt.Id}/transfer", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        var contact = await server.GetContactAsync(receipt.Id);
        Assert.Equal((ContactStatus.InProgress, 0), (contact.Status, contact.Transfers));
    }

    [Theory]
    [InlineData("""{"operatorId":"ana","toOperatorId":"ghost"}""")]
    [InlineData("""{"operatorId":"ana","toDepartment":"nowhere"}""")]
    [InlineData("""{"operatorId":"ana","toOperatorId":"ana"}""")]
    public async Task ATransferToNobodyElseThatExistsIsUnprocessableAndChangesNothing(string body)
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");

        using var response = await server.PostRawJsonAsync($"/api/contacts/{receipt.Id}/transfer", body);

        await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity);
        var contact = await server.GetContactAsync(receipt.Id);
        Assert.Equal((ContactStatus.InProgress, "ana", 0), (contact.Status, contact.OperatorId, contact.Transfers));
    }

    [Fact]
    public async Task OnlyTheOperatorHandlingAContactCanTransferIt()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.StartShiftAsync("bo", "l1", "support");

        using var beforeAccepting = await server.PostAsync($"/api/contacts/{receipt.Id}/transfer", new { operatorId = "ana", toOperatorId = "bo" });
        using var byAnother = await server.PostAsync($"/api/contacts/{receipt.Id}/transfer", new { operatorId = "bo", toLine = "l2" });

        await ProblemAssert.IsProblemAsync(beforeAccepting, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(byAnother, HttpStatusCode.Conflict);
        Assert.Equal(0, (await server.GetContactAsync(receipt.Id)).Transfers);
    }

    /// <summary>A contact offered to <paramref name="operatorId"/>, the only one at work, and accepted.</summary>
    private static async Task<ContactReceipt> InProgressAsync(HelpdeskServer server, string operatorId)
    {
        var receipt = await server.CreateContactAsync("cust-1", "support");
        Assert.Equal(operatorId, receipt.OperatorId);
        await server.ActOkAsync(receipt.Id, "accept", operatorId);
        return receipt;
    }

    private static Task<ContactSnapshot> TransferOkAsync(HelpdeskServer server, string contactId, object body) =>
        server.PostOkAsync<ContactSnapshot>($"/api/contacts/{contactId}/transfer", body);

    [Theory]
    [InlineData("""{"operatorId":"ana","toOperatorId":"ghost"}""", "toOperatorId")]
    [InlineData("""{"operatorId":"ana","toDepartment":"nowhere"}""", "toDepartment")]
    [InlineData("""{"operatorId":"ana","toOperatorId":"ana"}""", "toOperatorId")]
    public async Task ATransferToNobodyThatExistsNamesTheTargetField(string body, string field)
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.ActOkAsync(receipt.Id, "accept", "ana");

        using var response = await server.PostRawJsonAsync($"/api/contacts/{receipt.Id}/transfer", body);

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task AContactTransferredToAColleagueWhoOnceDeclinedItIsOfferedToThem()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");
        var declinedBy = receipt.OperatorId!;
        var taker = declinedBy == "ana" ? "bo" : "ana";
        await server.ActOkAsync(receipt.Id, "reject", declinedBy);
        await server.ActOkAsync(receipt.Id, "accept", taker);

        var transferred = await TransferOkAsync(server, receipt.Id, new { operatorId = taker, toOperatorId = declinedBy });

        Assert.Equal(ContactStatus.Offered, transferred.Status);
        Assert.Equal(declinedBy, transferred.OperatorId);
    }

    [Fact]
    public async Task ATransferToAColleagueTheCustomerExcludedIsRefusedAndChangesNothing()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("bo", "l1", "support");
        await server.PostOkAsync<Grains.Customers.CustomerSnapshot>("/api/customers/cust-1/exclusions", new { operatorId = "bo" });

        using var response = await server.PostAsync($"/api/contacts/{receipt.Id}/transfer", new { operatorId = "ana", toOperatorId = "bo" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var contact = await server.GetOkAsync<ContactSnapshot>($"/api/contacts/{receipt.Id}");
        Assert.Equal((ContactStatus.InProgress, "ana", 0), (contact.Status, contact.OperatorId, contact.Transfers));
    }

    [Fact]
    public async Task AColleagueWhoDeclinesATransferLetsTheContactGoToSomeoneElse()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await InProgressAsync(server, "ana");
        await server.StartShiftAsync("bo", "l1", "support");
        await TransferOkAsync(server, receipt.Id, new { operatorId = "ana", toOperatorId = "bo" });
        await server.StartShiftAsync("cy", "l1", "support");

        var declined = await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{receipt.Id}/reject", new { operatorId = "bo" });

        Assert.Equal(ContactStatus.Offered, declined.Status);
        Assert.Contains(declined.OperatorId, new[] { "ana", "cy" });
        Assert.Contains("bo", declined.Declined);
    }
}
