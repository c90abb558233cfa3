using System.Text.Json;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Contacts;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>The server-sent events an operator's desktop takes offers from, read over real HTTP.</summary>
public sealed class OperatorEventStreamTests
{
    [Fact]
    public async Task AConnectedDesktopReceivesAnOfferWhenAContactIsRoutedToTheOperator()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await using var desktop = await EventStream.OpenAsync(server, "ana");

        var receipt = await CreateContactAsync(server, "cust-1", "support");
        var offer = await desktop.WaitForAsync(e => e.Type == "offer", $"an offer of contact {receipt.Id}");

        Assert.Equal("ana", receipt.OperatorId);
        Assert.True(offer.Number > 0, $"The offer's id is {offer.Id}.");
        Assert.Equal(receipt.Id, offer.ContactId);
        using var data = JsonDocument.Parse(offer.Data);
        Assert.Equal("offer", data.RootElement.GetProperty("type").GetString());
        Assert.Equal(offer.Number, data.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("cust-1", data.RootElement.GetProperty("offer").GetProperty("customerId").GetString());
        Assert.Equal("chat", data.RootElement.GetProperty("offer").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task ADesktopResumingWithLastEventIdSkipsTheEventsItHasSeen()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var first = await CreateContactAsync(server, "cust-1", "support");
        long seenUpTo;
        await using (var desktop = await EventStream.OpenAsync(server, "ana"))
        {
            seenUpTo = (await desktop.WaitForAsync(e => e.ContactId == first.Id, $"the offer of contact {first.Id}")).Number;
        }

        var second = await CreateContactAsync(server, "cust-2", "support");
        await using var resumed = await EventStream.OpenAsync(server, "ana", seenUpTo);
        var offer = await resumed.WaitForAsync(e => e.ContactId == second.Id, $"the offer of contact {second.Id}");

        Assert.Equal("ana", second.OperatorId);
        Assert.Equal("offer", offer.Type);
        Assert.True(offer.Number > seenUpTo, $"Event {offer.Id} is not after {seenUpTo}.");
        Assert.All(resumed.Seen, e => Assert.True(e.Number > seenUpTo, $"Resumed after {seenUpTo} but got again: {e}"));
        Assert.DoesNotContain(resumed.Seen, e => e.ContactId == first.Id);
    }

    [Fact]
    public async Task ADesktopConnectingFreshGetsTheEventsItMissed()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        var receipt = await CreateContactAsync(server, "cust-1", "support");

        await using var desktop = await EventStream.OpenAsync(server, "ana");
        var offer = await desktop.WaitForAsync(e => e.Type == "offer", $"the offer of contact {receipt.Id} made before connecting");

        Assert.Equal(receipt.Id, offer.ContactId);
        Assert.Contains(desktop.Seen, e => e.Type == "presence" && e.Number < offer.Number);
    }

    [Fact]
    public async Task ADesktopIsToldWhenItsOfferIsWithdrawn()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await using var desktop = await EventStream.OpenAsync(server, "ana");
        var receipt = await CreateContactAsync(server, "cust-1", "support");
        await desktop.WaitForAsync(e => e.Type == "offer", $"the offer of contact {receipt.Id}");

        await server.SetPresenceAsync("ana", "break");
        var withdrawn = await desktop.WaitForAsync(e => e.Type == "offer-withdrawn", $"the withdrawal of contact {receipt.Id}");

        Assert.Equal(receipt.Id, withdrawn.ContactId);
    }

    private static Task<ContactReceipt> CreateContactAsync(HelpdeskServer server, string customerId, string department) =>
        server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId, channel = "chat", topic = "Cannot log in", department });
}
