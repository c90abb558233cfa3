using System.Text.Json;
using Helpdesk.Api.Tests.Operators;

namespace Helpdesk.Api.Tests.Departments;

/// <summary>A department's live load model over real HTTP, with its forecast for the next interval.</summary>
public sealed class DepartmentLoadTests
{
    [Fact]
    public async Task AnOverloadedDepartmentForecastsNoServiceAndAnEndlessWaitAsNull()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        for (var i = 0; i < 3; i++)
        {
            await server.PostOkAsync<Grains.Contacts.ContactReceipt>("/api/contacts", new { customerId = $"cust-{i}", channel = "phone", topic = "No dial tone", department = "support", priority = 2 + i });
        }

        using var response = await server.Client.GetAsync(new Uri("/api/departments/support", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var load = json.RootElement.GetProperty("load");

        Assert.Equal(3, load.GetProperty("arrivalsPerMinute").GetDouble());
        Assert.Equal(300, load.GetProperty("handleTimeSeconds").GetDouble());
        Assert.Equal(2, load.GetProperty("queueLength").GetInt32());
        Assert.Equal(["3", "4"], load.GetProperty("queueByPriority").EnumerateObject().Select(priority => priority.Name));
        var forecast = load.GetProperty("forecast");
        var steady = load.GetProperty("steadyArrivalsPerMinute").GetDouble();
        Assert.InRange(steady, 2.5, 3.5);
        // Both figures are rounded to four decimals on the wire.
        Assert.Equal(Math.Max(3, steady) * 300 / 60, forecast.GetProperty("offeredLoad").GetDouble(), tolerance: 0.001);
        Assert.Equal(0, forecast.GetProperty("serviceLevel").GetDouble());
        Assert.Equal(JsonValueKind.Null, forecast.GetProperty("averageSpeedOfAnswerSeconds").ValueKind);
    }
}
