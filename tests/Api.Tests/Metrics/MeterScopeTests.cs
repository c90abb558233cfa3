namespace Helpdesk.Api.Tests.Metrics;

/// <summary>Several silos in one process each export only their own measurements.</summary>
public sealed class MeterScopeTests
{
    [Fact]
    public async Task EachHostExportsOnlyItsOwnMeters()
    {
        await using var first = await MetricsHost.StartAsync();
        await using var second = await MetricsHost.StartAsync();
        first.Instruments.LeaseRenewed();
        second.Instruments.LeaseLost();
        second.Instruments.LeaseLost();

        var firstLines = await first.ScrapeLinesAsync();
        var secondLines = await second.ScrapeLinesAsync();

        Assert.Contains("helpdesk_lease_renewals_total 1", firstLines);
        Assert.DoesNotContain(firstLines, line => line.StartsWith("helpdesk_lease_losses_total", StringComparison.Ordinal));
        Assert.Contains("helpdesk_lease_losses_total 2", secondLines);
        Assert.DoesNotContain(secondLines, line => line.StartsWith("helpdesk_lease_renewals_total", StringComparison.Ordinal));
    }
}
