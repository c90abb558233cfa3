using System.Globalization;
using Helpdesk.Runtime.Diagnostics;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary><c>GET /metrics</c> exports the runtime's instruments in the Prometheus text format, over real HTTP.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private MetricsHost? _host;

    private MetricsHost Host => _host!;

    private RuntimeInstruments Instruments => Host.Instruments;

    public async Task InitializeAsync() => _host = await MetricsHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task ScrapeAnswersTheTextFormatWithHelpAndType()
    {
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, 0.001);

        using var response = await Host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# HELP helpdesk_grain_calls_total Grain calls completed, by grain type and outcome.", lines);
        Assert.Contains("# TYPE helpdesk_grain_calls_total counter", lines);
        Assert.Contains("# TYPE helpdesk_grain_call_duration_seconds histogram", lines);
        Assert.Contains("# TYPE helpdesk_activations gauge", lines);
    }

    [Fact]
    public async Task CallsAreCountedPerGrainTypeAndOutcome()
    {
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, 0.001);
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, 0.001);
        Instruments.CallCompleted("operator", RuntimeInstruments.Error, 0.001);
        Instruments.CallCompleted("customer", RuntimeInstruments.Timeout, 30);

        var lines = await Host.ScrapeLinesAsync();

        Assert.Contains("""helpdesk_grain_calls_total{grain_type="operator",outcome="ok"} 2""", lines);
        Assert.Contains("""helpdesk_grain_calls_total{grain_type="operator",outcome="error"} 1""", lines);
        Assert.Contains("""helpdesk_grain_calls_total{grain_type="customer",outcome="timeout"} 1""", lines);
    }

    [Fact]
    public async Task CallDurationsFillCumulativeBucketsFromMicrosecondsToSeconds()
    {
        // Powers of two, so the sum is exact.
        const double FifteenMicroseconds = 1.0 / 65_536;
        const double FourMilliseconds = 1.0 / 256;
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, FifteenMicroseconds);
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, FourMilliseconds);
        Instruments.CallCompleted("operator", RuntimeInstruments.Timeout, 32);

        var lines = await Host.ScrapeLinesAsync();

        string[] expected =
        [
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="1E-05"} 0""",
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="2.5E-05"} 1""",
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="0.0025"} 1""",
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="0.005"} 2""",
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="30"} 2""",
            """helpdesk_grain_call_duration_seconds_bucket{grain_type="operator",le="+Inf"} 3""",
            $$"""helpdesk_grain_call_duration_seconds_sum{grain_type="operator"} {{(FifteenMicroseconds + FourMilliseconds + 32).ToString(CultureInfo.InvariantCulture)}}""",
            """helpdesk_grain_call_duration_seconds_count{grain_type="operator"} 3""",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.Equal(21, lines.Count(line => line.StartsWith("helpdesk_grain_call_duration_seconds_bucket{", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GaugesReadTheirCallbacksAtEveryScrape()
    {
        var activations = 7;
        Instruments.ObserveActivations(() => activations);

        var before = await Host.ScrapeLinesAsync();
        activations = 9;
        var after = await Host.ScrapeLinesAsync();

        Assert.Contains("helpdesk_activations 7", before);
        Assert.Contains("helpdesk_partitions_owned 256", before); // a single in-memory silo serves every partition
        Assert.Contains("helpdesk_activations 9", after);
    }

    [Fact]
    public async Task RemindersDeliveredMoreThanASecondAfterTheirDueTimeCountAsLate()
    {
        var due = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Instruments.RemindersClaimed(3);
        Instruments.ReminderFired(due, due);
        Instruments.ReminderFired(due, due + TimeSpan.FromSeconds(1));
        Instruments.ReminderFired(due, due + TimeSpan.FromSeconds(1.5));

        var lines = await Host.ScrapeLinesAsync();

        Assert.Contains("helpdesk_reminders_due_total 3", lines);
        Assert.Contains("helpdesk_reminders_fired_total 3", lines);
        Assert.Contains("helpdesk_reminders_late_total 1", lines);
    }

    [Fact]
    public async Task LeasesAndStateWritesAreCounted()
    {
        Instruments.LeaseRenewed();
        Instruments.LeaseRenewed();
        Instruments.LeaseLost();
        Instruments.ObservePartitionsOwned(() => 4);
        Instruments.StateWritten("operator");
        Instruments.StateWritten("operator");
        Instruments.StateConflicted("operator");

        var lines = await Host.ScrapeLinesAsync();

        Assert.Contains("helpdesk_lease_renewals_total 2", lines);
        Assert.Contains("helpdesk_lease_losses_total 1", lines);
        Assert.Contains("helpdesk_partitions_owned 4", lines);
        Assert.Contains("""helpdesk_state_writes_total{grain_type="operator"} 2""", lines);
        Assert.Contains("""helpdesk_state_conflicts_total{grain_type="operator"} 1""", lines);
    }

    [Fact]
    public async Task LabelValuesAreEscaped()
    {
        Instruments.StateWritten("a\"b\\c\nd");

        var lines = await Host.ScrapeLinesAsync();

        Assert.Contains("""helpdesk_state_writes_total{grain_type="a\"b\\c\nd"} 1""", lines);
    }

    [Fact]
    public async Task AspNetCoreRequestDurationsAreExported()
    {
        using var response = await Host.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        var lines = await Host.ScrapeLinesAsync();

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", lines);
        Assert.Contains(lines, line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("""http_route="/health/live""", StringComparison.Ordinal)
            && line.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromtoolAcceptsTheScrape()
    {
        Instruments.CallCompleted("operator", RuntimeInstruments.Ok, 0.00002);
        Instruments.CallCompleted("customer", RuntimeInstruments.Error, 2);
        Instruments.ObserveActivations(() => 5);
        Instruments.ObservePartitionsOwned(() => 2);
        Instruments.LeaseRenewed();
        Instruments.LeaseLost();
        Instruments.RemindersClaimed(1);
        Instruments.ReminderFired(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(2));
        Instruments.StateWritten("a\"b\\c\nd");
        Instruments.StateConflicted("operator");
        using (await Host.Client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        using (await Host.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative)))
        {
        }

        var metrics = await Host.ScrapeAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics);

        Assert.True(exitCode == 0, $"promtool check metrics exited with {exitCode}: {output}\n--- scraped ---\n{metrics}");
    }
}
