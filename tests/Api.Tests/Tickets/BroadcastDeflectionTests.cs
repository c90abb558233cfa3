using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Tickets;

/// <summary>A mass outage announced by a broadcast does not flood the lines: contacts on its topic are answered with it at once.</summary>
public sealed class BroadcastDeflectionTests
{
    [Fact]
    public async Task AContactOnABroadcastTopicIsLinkedToTheIncidentAndAnsweredAtOnceWhileOthersAreRouted()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        using var created = await server.PostAsync(
            "/api/broadcasts",
            new { scope = "topic", topic = "Internet outage", message = "A fibre cut in the north; repair by 18:00.", end = clock.GetUtcNow().AddHours(4) });
        var incident = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var deflected = await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId = "cust-1", channel = "phone", topic = "internet OUTAGE", department = "support" });
        var routed = await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId = "cust-2", channel = "phone", topic = "Billing question", department = "support" });

        Assert.Equal((ContactStatus.SolutionProposed, (string?)null, "A fibre cut in the north; repair by 18:00."), (deflected.Status, deflected.OperatorId, deflected.Note));
        Assert.Contains(incident!, (await server.GetContactAsync(deflected.Id)).Links);
        Assert.Equal((ContactStatus.Offered, "ana"), (routed.Status, routed.OperatorId));
        Assert.Equal([routed.Id], (await server.GetOperatorAsync("ana")).Contacts.Select(held => held.ContactId));

        using var ended = await server.Client.DeleteAsync(new Uri($"/api/broadcasts/{incident}", UriKind.Relative));
        var after = await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId = "cust-3", channel = "chat", topic = "Internet outage", department = "support" });

        Assert.True(ended.IsSuccessStatusCode, $"Ending the broadcast answered {(int)ended.StatusCode}.");
        Assert.NotEqual(ContactStatus.SolutionProposed, after.Status);
    }

    [Fact]
    public async Task ACustomerWhomTheBroadcastDidNotHelpRejectsItAndIsRoutedToAnOperator()
    {
        var clock = new ManualTimeProvider();
        await using var server = await HelpdeskServer.StartAsync(time: clock);
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        using var created = await server.PostAsync(
            "/api/broadcasts", new { scope = "topic", topic = "Internet outage", message = "Repair by 18:00.", end = clock.GetUtcNow().AddHours(4) });
        var deflected = await server.PostOkAsync<ContactReceipt>("/api/contacts", new { customerId = "cust-1", channel = "phone", topic = "Internet outage", department = "support" });

        using var rejected = await server.MoveAsync(deflected.Id, new { status = "rejected", customerId = "cust-1", note = "my line is down since yesterday" });

        Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        await server.WaitForContactAsync(deflected.Id, c => c.Status == ContactStatus.Offered && c.OperatorId == "ana", "offered to ana");
    }
}
