using System.Net;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Api.Tests.Contacts;

/// <summary>Creating a contact answers its routing outcome, and reading it explains the route.</summary>
public sealed class ContactCreationTests
{
    [Fact]
    public async Task ANewContactIsOfferedToTheLongestIdleOperatorAtOnce()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");

        using var response = await server.PostContactAsync(ContactApi.NewContact("cust-1", "support"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await HelpdeskServer.ReadOkAsync<ContactReceipt>(response);
        Assert.Equal($"/api/contacts/{receipt.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ContactStatus.Offered, receipt.Status);
        Assert.Equal("ana", receipt.OperatorId);
        Assert.Equal("support", receipt.Department);
        Assert.Equal(Line.L1, receipt.Line);
        Assert.Null(receipt.QueuePosition);
        Assert.Equal("longest idle", receipt.Rule);
        Assert.Contains("first line", receipt.EntryRule, StringComparison.Ordinal);
        Assert.Equal([receipt.Id], (await server.GetOperatorAsync("ana")).Contacts.Select(held => held.ContactId));
    }

    [Fact]
    public async Task ANewContactNobodyCanTakeIsQueuedWithItsPositionAndTheReason()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateOperatorAsync("ana", "l1", "support");
        await server.SetPresenceAsync("ana", "break");

        var first = await server.CreateContactAsync("cust-1", "support");
        var second = await server.CreateContactAsync("cust-2", "support");

        Assert.Equal(ContactStatus.Queued, first.Status);
        Assert.Null(first.OperatorId);
        Assert.Equal(1, first.QueuePosition);
        Assert.Equal(2, second.QueuePosition);
        Assert.Equal((null, "all 1 eligible operators are busy or away"), (first.Rule, first.WaitReason));
        var contact = await server.GetContactAsync(first.Id);
        Assert.Equal(ContactStatus.Queued, contact.Status);
        Assert.Equal(1, Assert.Single(contact.Route).QueuePosition);
    }

    [Fact]
    public async Task AContactExplainsItsRouteWithTheCandidatesTheirScoresAndItsHistory()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support");

        var text = await server.Client.GetStringAsync(new Uri($"/api/contacts/{receipt.Id}", UriKind.Relative));
        var contact = await server.GetContactAsync(receipt.Id);

        Assert.Contains("\"status\":\"offered\"", text, StringComparison.Ordinal);
        Assert.Equal(receipt.Id, contact.Id);
        Assert.Equal("cust-1", contact.Request.CustomerId);
        Assert.Equal(Channel.Chat, contact.Request.Channel);
        var step = Assert.Single(contact.Route);
        Assert.Equal("ana", step.OperatorId);
        Assert.Equal("support", step.Department);
        Assert.Equal("longest idle", step.Rule);
        Assert.Equal(["ana", "bo"], step.Candidates.Select(candidate => candidate.OperatorId));
        Assert.True(step.Candidates[0].Score > step.Candidates[1].Score, $"Scores {step.Candidates[0].Score} and {step.Candidates[1].Score} are not best first.");
        var change = Assert.Single(contact.History);
        Assert.Equal(ContactStatus.Offered, change.Status);
        Assert.Equal("router", change.By);
        Assert.Equal("offered to ana", change.Note);
    }
}
