using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

public sealed class BalancerPolicyTests
{
    public static TheoryData<string, BalancerPolicy> Unusable => new()
    {
        { "Period", BalancerPolicy.Default with { Period = TimeSpan.Zero } },
        { "TargetServiceLevel", BalancerPolicy.Default with { TargetServiceLevel = 0 } },
        { "TargetServiceLevel", BalancerPolicy.Default with { TargetServiceLevel = 1 } },
        { "TargetServiceLevel", BalancerPolicy.Default with { TargetServiceLevel = double.NaN } },
        { "UnderloadOccupancy", BalancerPolicy.Default with { UnderloadOccupancy = 0 } },
        { "UnderloadOccupancy", BalancerPolicy.Default with { UnderloadOccupancy = 1.2 } },
        { "MinStaff", BalancerPolicy.Default with { MinStaff = 0 } },
        { "MaxShareLent", BalancerPolicy.Default with { MaxShareLent = -0.1 } },
        { "MaxShareLent", BalancerPolicy.Default with { MaxShareLent = 1.5 } },
        { "Cooldown", BalancerPolicy.Default with { Cooldown = TimeSpan.FromSeconds(-1) } },
        { "ReserveCost", BalancerPolicy.Default with { ReserveCost = -0.1 } },
        { "ReserveCost", BalancerPolicy.Default with { ReserveCost = 1.1 } },
        { "ReturnMargin", BalancerPolicy.Default with { ReturnMargin = -0.1 } },
        { "ReturnMargin", BalancerPolicy.Default with { ReturnMargin = 0.3 } },
        { "Band", BalancerPolicy.Default with { Band = -0.01 } },
        { "Band", BalancerPolicy.Default with { Band = 0.8 } },
        { "MaxMovesPerRound", BalancerPolicy.Default with { MaxMovesPerRound = 0 } },
    };

    [Fact]
    public void TheDefaultPolicyHasTheDocumentedNumbersAndNoProblem()
    {
        var policy = BalancerPolicy.Default;

        Assert.Null(policy.Problem());
        Assert.Equal(TimeSpan.FromSeconds(5), policy.Period);
        Assert.Equal(0.8, policy.TargetServiceLevel);
        Assert.Equal(0.7, policy.UnderloadOccupancy);
        Assert.Equal(2, policy.MinStaff);
        Assert.Equal(0.85, policy.MaxShareLent);
        Assert.Equal(0.25, policy.ReserveCost);
        Assert.Equal(TimeSpan.FromMinutes(15), policy.Cooldown);
        Assert.Equal(0.1, policy.ReturnMargin);
        Assert.Equal(0.1, policy.Band);
        Assert.Equal(3, policy.MaxMovesPerRound);
    }

    [Theory]
    [MemberData(nameof(Unusable))]
    public void AnUnusablePolicyNamesTheSettingAtFault(string setting, BalancerPolicy policy)
    {
        Assert.Contains($"Balancer:{setting}", policy.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void LendingNoOneAndNoCooldownAreUsable()
    {
        Assert.Null((BalancerPolicy.Default with { MaxShareLent = 0, Cooldown = TimeSpan.Zero, ReturnMargin = 0 }).Problem());
    }
}
