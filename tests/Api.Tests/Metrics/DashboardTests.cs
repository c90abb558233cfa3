using System.Text.Json;
using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary>
/// Every query of the Grafana dashboard in deploy/ finds series once a silo on PostgreSQL has done the work its panel
/// shows, so a renamed series cannot leave a panel empty. A real Prometheus runs the queries, as Grafana would.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class DashboardTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryPanelQueryFindsSeriesOnABusySilo()
    {
        var clock = new ManualTimeProvider();
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("dashboard");
        await using var server = await HelpdeskServer.StartAsync(connectionString, clock, new RoutingPolicy { OfferTimeout = TimeSpan.FromSeconds(5) });
        await ABusyMinuteAsync(server);
        await using var prometheus = await PrometheusServer.StartAsync(server.Client.BaseAddress!, job: "helpdesk-silo");

        var deadline = DateTimeOffset.UtcNow + Patience;
        var empty = new List<string>();
        foreach (var query in PanelQueries())
        {
            if (!await FoundByAsync(prometheus, query, deadline))
            {
                empty.Add(query);
            }
        }

        Assert.True(empty.Count == 0, $"These dashboard queries found no series:\n{string.Join('\n', empty)}");
    }

    /// <summary>
    /// Alice's offer to ann lapses, bob waits in sales until his queue's SLA warning, bo is lent to billing, and one request
    /// is refused: every counter the dashboard plots moves.
    /// </summary>
    private static async Task ABusyMinuteAsync(HelpdeskServer server)
    {
        await server.CreateDepartmentAsync("billing");
        await server.CreateDepartmentAsync("sales");
        await server.CreateDepartmentAsync("returns");
        await server.StartShiftAsync("ann", "l1", "billing");
        var alice = await server.CreateContactAsync("alice", "billing");
        await server.AdvanceAsync(TimeSpan.FromSeconds(6));
        await server.WaitForContactAsync(alice.Id, contact => contact.Status == ContactStatus.Queued, "back in the queue after ann let the offer lapse");

        var bob = await server.CreateContactAsync("bob", "sales");
        await server.AdvanceAsync(TimeSpan.FromSeconds(31));
        await Eventually.ReadAsync(
            () => server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            metrics => metrics.Contains("helpdesk_sla_crossed_total{", StringComparison.Ordinal),
            $"the SLA warning of {bob.Id}, queued for 31 s, to be counted",
            _ => "no helpdesk_sla_crossed_total yet");

        await server.StartShiftAsync("bo", "l1", "returns");
        await server.PostOkAsync<object>("/api/operators/bo/move", new { department = "billing", reason = "billing is swamped", by = "sue" });
        using var refused = await server.PostAsync("/api/contacts", new { });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    /// <summary>The dashboard's queries with its variables set as Grafana sets them for every silo.</summary>
    private static IEnumerable<string> PanelQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("deploy", "grafana", "dashboards", "helpdesk.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!
                .Replace("$silo", ".*", StringComparison.Ordinal)
                .Replace("$__rate_interval", "10s", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(queries);
        return queries;
    }

    /// <summary>Whether <paramref name="query"/> finds series by <paramref name="deadline"/>; asked at least once.</summary>
    private static async Task<bool> FoundByAsync(PrometheusServer prometheus, string query, DateTimeOffset deadline)
    {
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            var (result, _) = await prometheus.QueryAsync(query);
            if (result.GetArrayLength() > 0)
            {
                return true;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }

            await interval.WaitForNextTickAsync();
        }
    }
}
