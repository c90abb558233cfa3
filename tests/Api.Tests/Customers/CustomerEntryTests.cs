using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Departments;
using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Customers;

/// <summary>Entry by karma over real HTTP: unknown customers start on the first line, literate ones skip it.</summary>
public sealed class CustomerEntryTests
{
    [Fact]
    public async Task ACustomerRatedLiterateBySeniorsIsOfferedAnOperatorRightAwayOnTheSecondLine()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await RatedLiterateAsync(server);

        var phone = await server.GetOkAsync<EntryDecision>("/api/customers/cust-1/entry?channel=phone");
        var chat = await server.GetOkAsync<EntryDecision>("/api/customers/cust-1/entry?channel=chat");
        var customer = await server.GetOkAsync<CustomerSnapshot>("/api/customers/cust-1");

        Assert.True(phone.OperatorRightAway);
        Assert.True(phone.SkipFirstLine);
        Assert.Equal(Line.L2, phone.Line);
        Assert.False(chat.OperatorRightAway);
        Assert.Equal(Line.L2, chat.Line);
        Assert.True(customer.Literate);
        Assert.Equal([Line.L3, Line.L3], customer.Ratings.Select(rating => rating.RaterLine));
    }

    [Fact]
    public async Task ALiterateCustomersNextContactSkipsTheFirstLine()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var firstContact = await RatedLiterateAsync(server);
        await server.ProposeOkAsync(firstContact, "sam");
        await server.StartShiftAsync("lee", "l2", "support");

        var next = await server.CreateContactAsync("cust-1", "support", "phone");

        Assert.Equal(ContactStatus.Offered, next.Status);
        Assert.Equal("lee", next.OperatorId);
        Assert.Equal(Line.L2, next.Line);
        Assert.Contains("skips the first line", next.EntryRule, StringComparison.Ordinal);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task ALiterateCustomerFallsBackToTheFirstLineWhenNoSpecialistIsAtWork()
    {
        await using var server = await HelpdeskServer.StartAsync();
        var firstContact = await RatedLiterateAsync(server);
        await server.ProposeOkAsync(firstContact, "sam");
        await server.SetPresenceAsync("sam", "offline");
        await server.SetPresenceAsync("sue", "offline");
        await Eventually.ReadAsync(
            () => server.GetOkAsync<DepartmentSnapshot>("/api/departments/support"),
            department => department.Members.Where(member => member.Line == Line.L3).All(member => member.Presence == Presence.Offline),
            "department support to see its seniors offline",
            department => string.Join(", ", department.Members.Select(member => $"{member.OperatorId} {member.Presence}")));

        var next = await server.CreateContactAsync("cust-1", "support", "phone");

        Assert.Equal("ana", next.OperatorId);
        Assert.Equal(Line.L1, next.Line);
        Assert.Contains("saturated", next.Note, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>cust-1</c>'s contact, taken by <c>ana</c> (first line) and passed to the two seniors <c>sam</c> and <c>sue</c>,
    /// each of whom rates the customer an expert; <c>sam</c> holds it in the end. Returns its id.
    /// </summary>
    private static async Task<string> RatedLiterateAsync(HelpdeskServer server)
    {
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("sam", "l3", "support");
        await server.StartShiftAsync("sue", "l3", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support", "phone");
        Assert.Equal("ana", receipt.OperatorId);
        var before = await server.GetOkAsync<EntryDecision>("/api/customers/cust-1/entry?channel=phone");
        Assert.Equal(Line.L1, before.Line);
        await server.ActOkAsync(receipt.Id, "accept", "ana");
        foreach (var (from, to) in new[] { ("ana", "sue"), ("sue", "sam") })
        {
            var transferred = await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{receipt.Id}/transfer", new { operatorId = from, toOperatorId = to });
            Assert.Equal(to, transferred.OperatorId);
            await server.ActOkAsync(receipt.Id, "accept", to);
            await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/ratings", new { operatorId = to, contactId = receipt.Id, literacy = 5, temperament = 4 });
        }

        return receipt.Id;
    }

    [Fact]
    public async Task ALiterateCustomerFallsBackToTheFirstLineWhenNoSpecialistOfTheirLineIsAtWork()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("sam", "l3", "support");
        var receipt = await server.CreateContactAsync("cust-1", "support", "phone");
        await server.ActOkAsync(receipt.Id, "accept", "ana");
        await server.PostOkAsync<ContactSnapshot>($"/api/contacts/{receipt.Id}/transfer", new { operatorId = "ana", toOperatorId = "sam" });
        await server.ActOkAsync(receipt.Id, "accept", "sam");
        var rated = await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/ratings", new { operatorId = "sam", contactId = receipt.Id, literacy = 5, temperament = 4 });
        Assert.True(rated.Literate);
        await server.ProposeOkAsync(receipt.Id, "sam");

        var next = await server.CreateContactAsync("cust-1", "support", "phone");

        Assert.True(next.Status == ContactStatus.Offered, $"The contact waits ({next.WaitReason}) while ana (l1) and sam (l3) are free.");
        Assert.Equal((Line.L1, "ana"), (next.Line, next.OperatorId));
        Assert.Contains("saturated", next.Note, StringComparison.Ordinal);
    }
}
