using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary><c>GET /metrics</c> exports Orleans', ASP.NET Core's, the runtime's and the contact center's own series in the Prometheus text format, over real HTTP.</summary>
/// <remarks>
/// An exporter listens to every meter of its name in the process, whichever silo made it; a silo is one process in
/// production, but the tests start many in one. These run alone, so the figures they read are their silo's.
/// </remarks>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private HelpdeskServer? _server;

    private HelpdeskServer Server => _server!;

    public async Task InitializeAsync()
    {
        // Billing has ann, who gets alice's contact; sales has nobody, so bob's waits; ann is then lent to returns.
        _server = await HelpdeskServer.StartAsync();
        await Server.CreateDepartmentAsync("billing");
        await Server.CreateDepartmentAsync("sales");
        await Server.CreateDepartmentAsync("returns");
        await Server.StartShiftAsync("ann", "l1", "billing");
        await Server.CreateContactAsync("alice", "billing");
        await Server.CreateContactAsync("bob", "sales");
        await Server.PostOkAsync<object>("/api/operators/ann/move", new { department = "returns", reason = "returns are swamped", by = "sue" });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ScrapeAnswersTheTextFormatWithHelpAndType()
    {
        using var response = await Server.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE helpdesk_contacts_routed_total counter", lines);
        Assert.Contains("# HELP helpdesk_contacts_routed_total New contacts by where they went: offered, queued or deflected by a broadcast.", lines);
        Assert.Contains("# TYPE helpdesk_queue_length gauge", lines);
    }

    [Fact]
    public async Task TheCentersOwnInstrumentsCountWhatHappened()
    {
        var lines = await ScrapeLinesAsync();

        Assert.Contains(lines, line => line.StartsWith("helpdesk_contacts_routed_total{", StringComparison.Ordinal) && line.Contains("outcome=\"offered\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("helpdesk_contacts_routed_total{", StringComparison.Ordinal) && line.Contains("outcome=\"queued\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("helpdesk_queue_length{", StringComparison.Ordinal) && line.Contains("department=\"sales\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("helpdesk_loans_total{", StringComparison.Ordinal) && line.Contains("kind=\"lent\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrleansAspNetCoreAndRuntimeSeriesAreExported()
    {
        using (await Server.Client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
        }

        var lines = await ScrapeLinesAsync();

        Assert.Contains(lines, line => line.StartsWith("orleans_catalog_activations{", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("orleans_app_requests_latency_milliseconds_count{", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && line.Contains("http_route=\"/health/live\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal));
    }

    /// <summary>
    /// promtool parses the whole scrape and finds no fault with the center's own series. It does lint some of Orleans' and
    /// the runtime's (no help text, milliseconds), which are theirs to name.
    /// </summary>
    [Fact]
    public async Task PromtoolParsesTheScrapeAndFindsNoFaultWithOurSeries()
    {
        var metrics = await Server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);

        Assert.True(exitCode is 0 or 3, $"promtool could not parse the scrape (exit {exitCode}): {output}\n--- scraped ---\n{metrics}");
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("helpdesk_", StringComparison.Ordinal));
    }

    /// <summary>A real Prometheus server scrapes the silo and answers a query for an Orleans series and for one of ours.</summary>
    [Fact]
    public async Task APrometheusServerScrapesTheSiloAndAnswersQueries()
    {
        await using var prometheus = await PrometheusServer.StartAsync(Server.Client.BaseAddress!);

        var activations = await prometheus.QueryUntilFoundAsync("sum(orleans_catalog_activations)", TimeSpan.FromSeconds(30));
        var routed = await prometheus.QueryUntilFoundAsync("helpdesk_contacts_routed_total{outcome=\"offered\"}", TimeSpan.FromSeconds(30));

        Assert.True(double.Parse(activations[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("1", routed[0].GetProperty("value")[1].GetString());
        Assert.Equal("silo", routed[0].GetProperty("metric").GetProperty("job").GetString());
    }

    private async Task<string[]> ScrapeLinesAsync() => (await Server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');
}
