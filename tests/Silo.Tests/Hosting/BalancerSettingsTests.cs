using Helpdesk.Grains.Balancing;
using Helpdesk.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>The balancer's guards are bound from the <c>Balancer</c> section and checked before the silo starts.</summary>
public sealed class BalancerSettingsTests
{
    [Fact]
    public async Task ASettingGivenReplacesItsDefaultAndTheOthersKeepTheirs()
    {
        await using var silo = SiloApplication.Build(["--Balancer:MinStaff=3", "--Balancer:Cooldown=00:05:00"]);

        Assert.Equal(BalancerPolicy.Default with { MinStaff = 3, Cooldown = TimeSpan.FromMinutes(5) }, silo.Services.GetRequiredService<BalancerPolicy>());
    }

    [Fact]
    public void AnUnusableBalancerStopsTheSiloNamingTheSetting()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => SiloApplication.Build(["--Balancer:MinStaff=0"]));

        Assert.Contains("Balancer:MinStaff", Assert.Single(refused.Failures), StringComparison.Ordinal);
    }
}
