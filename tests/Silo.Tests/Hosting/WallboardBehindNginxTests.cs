using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Api.Tests.Board;
using Helpdesk.Testing;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>An open wallboard behind nginx while the silos under it are killed, as processes on PostgreSQL.</summary>
public sealed class WallboardBehindNginxTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>
    /// Two silos behind nginx, the board open through it. One is killed: the board goes on showing what happens. A third
    /// starts and the other is killed, the one every stream had to be on: the board reconnects through nginx to the
    /// third by itself, and shows the center, the contacts created meanwhile included.
    /// </summary>
    [Fact]
    public async Task KillingTheSilosUnderAnOpenBoardCostsItNoMoreThanAReconnect()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("wallboard_nginx");
        var ports = new[] { SiloProcess.FreePort(), SiloProcess.FreePort(), SiloProcess.FreePort() };
        using var first = SiloProcess.StartOn(ports[0], connectionString, "board-a", SiloProcess.FastFailover);
        using var second = SiloProcess.StartOn(ports[1], connectionString, "board-b", SiloProcess.FastFailover);
        using var nginx = NginxProcess.Start(ports);
        await first.WaitForLineAsync("Orleans Silo started");
        await second.WaitForLineAsync("Orleans Silo started");
        await nginx.WaitUntilServingAsync();
        using var api = new HttpClient { BaseAddress = new Uri(nginx.Url) }.WithKey();
        await SucceedAsync(api, "/api/departments", new { id = "support", name = "Support" });
        var key = (await SucceedAsync(api, "/api/credentials", new { name = "sue", role = "supervisor" })).GetProperty("key").GetString()!;
        await using var board = await BoardPage.OpenAsync(chromium, new Uri(nginx.Url), key);

        await second.SignalAsync("KILL");
        await second.WaitForExitAsync();
        var during = await SucceedAsync(api, "/api/contacts", Contact("cu-1"));
        await Expect(board.Tile("support")).ToContainTextAsync(during.GetProperty("id").GetString()!, new() { Timeout = 60_000 });

        using var third = SiloProcess.StartOn(ports[2], connectionString, "board-c", SiloProcess.FastFailover);
        await third.WaitForLineAsync("Orleans Silo started");
        await board.RecordLiveStatesAsync();
        await first.SignalAsync("KILL");
        await first.WaitForExitAsync();
        var after = await SucceedAsync(api, "/api/contacts", Contact("cu-2"));

        await Expect(board.Tile("support")).ToContainTextAsync(after.GetProperty("id").GetString()!, new() { Timeout = 60_000 });
        await Expect(board.LiveState).ToHaveTextAsync("live", new() { Timeout = 60_000 });
        await Expect(board.TileField("support", "queue")).ToContainTextAsync("2");
        Assert.Equal(["reconnecting", "live"], (await board.LiveStatesSeenAsync()).Distinct());
    }

    private static object Contact(string customerId) => new { customerId, channel = "phone", topic = "invoice twice", department = "support" };

    /// <summary>POSTs until the answer is a success, as a client does while a silo is declared dead; a repeat of a creation names the same idempotency key.</summary>
    private static async Task<JsonElement> SucceedAsync(HttpClient api, string path, object body)
    {
        var key = Guid.NewGuid().ToString("N");
        JsonElement answer = default;
        var last = "nothing yet";
        await Eventually.ReadAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await api.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway)
                {
                    last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    return false;
                }

                Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                return true;
            },
            succeeded => succeeded,
            $"POST {path} to succeed through nginx",
            _ => last,
            SiloProcess.Patience);
        return answer;
    }
}
