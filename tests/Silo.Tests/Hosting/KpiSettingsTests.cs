using Helpdesk.Grains.Reports;
using Helpdesk.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>The KPI on rejected solutions is bound from the <c>Kpi</c> section and checked before the silo starts.</summary>
public sealed class KpiSettingsTests
{
    [Fact]
    public async Task WithoutAKpiSectionTheDefaultPolicyHolds()
    {
        await using var silo = SiloApplication.Build([]);

        Assert.Equal(KpiPolicy.Default, silo.Services.GetRequiredService<KpiPolicy>());
    }

    [Fact]
    public async Task ASettingGivenReplacesItsDefaultAndTheOthersKeepTheirs()
    {
        await using var silo = SiloApplication.Build(["--Kpi:MaxRejectedShare=0.3"]);

        Assert.Equal(new KpiPolicy(0.3, 5), silo.Services.GetRequiredService<KpiPolicy>());
    }

    [Theory]
    [InlineData("--Kpi:MinProposed=0", "Kpi:MinProposed must be at least 1.")]
    [InlineData("--Kpi:MaxRejectedShare=1.5", "Kpi:MaxRejectedShare must be between 0 and 1.")]
    public void AnUnusableKpiStopsTheSiloNamingTheSetting(string setting, string problem)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => SiloApplication.Build([setting]));

        Assert.Equal([problem], refused.Failures);
    }
}
