using System.Net;
using System.Text.Json;
using Helpdesk.Api.Customers;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Broadcasts;

/// <summary>The IVR's entry decision carries the broadcasts to announce: on now, to all, the department, or the topic.</summary>
public sealed class BroadcastEntryTests
{
    private readonly ManualTimeProvider _clock = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task TheEntryAnnouncesTheBroadcastsOnNowForTheChosenDepartmentAndTopicOnly()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("network");
        var expired = await server.CreateBroadcastAsync(new { scope = "all", message = "expired", end = Now.AddMinutes(10) });
        await server.AdvanceAsync(TimeSpan.FromMinutes(15));
        var toAll = await server.CreateBroadcastAsync(new { scope = "all", message = "to all", end = Now.AddHours(2) });
        var toBilling = await server.CreateBroadcastAsync(new { scope = "department", department = "billing", message = "to billing", end = Now.AddHours(2) });
        var toNetwork = await server.CreateBroadcastAsync(new { scope = "department", department = "network", message = "to network", end = Now.AddHours(2) });
        var onLogins = await server.CreateBroadcastAsync(new { scope = "topic", topic = "Cannot log in", message = "log-in is down", end = Now.AddHours(2) });
        var scheduled = await server.CreateBroadcastAsync(new { scope = "department", department = "billing", message = "planned work", start = Now.AddHours(1), end = Now.AddHours(2) });
        var ended = await server.CreateBroadcastAsync(new { scope = "department", department = "billing", message = "ended", end = Now.AddHours(2) });
        using var end = await server.EndBroadcastAsync(ended.Id);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);

        var billing = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=phone&department=billing");
        var billingAboutLogins = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=phone&department=billing&topic=CANNOT%20LOG%20IN");
        var noDepartment = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=web");

        Assert.Equal([toAll.Id, toBilling.Id], Ids(billing));
        Assert.Equal([toAll.Id, toBilling.Id, onLogins.Id], Ids(billingAboutLogins));
        Assert.Equal([toAll.Id], Ids(noDepartment));
        Assert.DoesNotContain(toNetwork.Id, Ids(billingAboutLogins));
        Assert.DoesNotContain(expired.Id, Ids(billingAboutLogins));
        Assert.DoesNotContain(scheduled.Id, Ids(billingAboutLogins));
        Assert.Equal((false, Line.L1, "billing"), (billing.SkipFirstLine, billing.Line, billing.Department));
        Assert.False(string.IsNullOrEmpty(billing.Reason));
    }

    [Fact]
    public async Task AScheduledBroadcastIsAnnouncedOnceItStartsAndNoLongerOnceItEnds()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);
        var scheduled = await server.CreateBroadcastAsync(new { scope = "all", message = "planned work", start = Now.AddHours(1), end = Now.AddHours(2) });

        var before = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=phone");
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        var during = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=phone");
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        var after = await server.GetOkAsync<EntryView>("/api/customers/cust-1/entry?channel=phone");

        Assert.Empty(before.Broadcasts);
        Assert.Equal([scheduled], during.Broadcasts);
        Assert.Empty(after.Broadcasts);
    }

    [Fact]
    public async Task WithNoBroadcastOnTheEntryCarriesAnEmptyListBesideTheDecision()
    {
        await using var server = await HelpdeskServer.StartAsync(time: _clock);

        using var response = await server.Client.GetAsync(new Uri("/api/customers/cust-1/entry?channel=phone", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("broadcasts").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("broadcasts").GetArrayLength());
        Assert.Equal("l1", json.RootElement.GetProperty("line").GetString());
        Assert.True(json.RootElement.GetProperty("operatorRightAway").ValueKind is JsonValueKind.True or JsonValueKind.False);
    }

    private static List<string> Ids(EntryView entry) => [.. entry.Broadcasts.Select(broadcast => broadcast.Id)];
}
