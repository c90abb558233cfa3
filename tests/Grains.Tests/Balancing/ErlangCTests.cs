using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

/// <summary>Erlang C: the textbook figures, the calibration figures, a thousand agents, and the edges where the queue never settles.</summary>
public sealed class ErlangCTests
{
    [Theory]
    [InlineData(10, 11, 0.682118, 1e-6)]
    [InlineData(2, 3, 4.0 / 9, 1e-12)]
    [InlineData(1, 2, 1.0 / 3, 1e-12)]
    public void ProbabilityOfWaitMatchesTheTextbook(double load, int agents, double expected, double tolerance)
    {
        Assert.Equal(expected, ErlangC.ProbabilityOfWait(load, agents), tolerance);
    }

    [Fact]
    public void FiftyFiveAgentsOnFortyEightErlangsOfFourMinuteCallsAnswer84Point6PercentWithinFifteenSecondsAfter8Point2Seconds()
    {
        // The calibration figures hold for a mean handle time of 240 s: 84.59 % and 8.18 s.
        Assert.Equal(0.846, ErlangC.ServiceLevel(48, 55, 240, 15), 0.002);
        Assert.Equal(8.2, ErlangC.AverageSpeedOfAnswer(48, 55, 240), 0.1);
    }

    [Fact]
    public void FortyEightAgentsOnFortyErlangsOfFiveMinuteCallsAnswer90Point9PercentWithinTwentySecondsAfter5Point8Seconds()
    {
        // The calibration figures hold for a mean handle time of 300 s: 90.85 % and 5.85 s.
        Assert.Equal(0.909, ErlangC.ServiceLevel(40, 48, 300, 20), 0.002);
        Assert.Equal(5.8, ErlangC.AverageSpeedOfAnswer(40, 48, 300), 0.1);
    }

    [Fact]
    public void AThousandAgentsAt990ErlangsNeitherOverflowNorLosePrecision()
    {
        // Summed in 50-digit arithmetic from A^n / n!.
        Assert.Equal(0.6590804218808544, ErlangC.ProbabilityOfWait(990, 1000), 1e-12);
        Assert.True(double.IsFinite(ErlangC.AverageSpeedOfAnswer(990, 1000, 300)));
        Assert.Equal(1 - (0.6590804218808544 * Math.Exp(-10.0 * 20 / 300)), ErlangC.ServiceLevel(990, 1000, 300, 20), 1e-12);
    }

    [Theory]
    [InlineData(48, 48)]
    [InlineData(60, 48)]
    [InlineData(0.5, 0)]
    public void QueueWhoseLoadReachesItsAgentsMakesEveryoneWaitForever(double load, int agents)
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWait(load, agents));
        Assert.Equal(0, ErlangC.ServiceLevel(load, agents, 300, 20));
        Assert.Equal(double.PositiveInfinity, ErlangC.AverageSpeedOfAnswer(load, agents, 300));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void WithoutCallsNoOneWaits(int agents)
    {
        Assert.Equal(0, ErlangC.ProbabilityOfWait(0, agents));
        Assert.Equal(1, ErlangC.ServiceLevel(0, agents, 300, 20));
        Assert.Equal(0, ErlangC.AverageSpeedOfAnswer(0, agents, 300));
    }

    [Fact]
    public void ServiceLevelWithinNoTimeIsTheShareAnsweredWithoutWaiting()
    {
        Assert.Equal(1 - ErlangC.ProbabilityOfWait(40, 48), ErlangC.ServiceLevel(40, 48, 300, 0), 1e-15);
    }

    [Theory]
    [InlineData(0.79, 54)]
    [InlineData(0.80, 55)]
    [InlineData(0.846, 56)]
    public void AgentsForFindsTheFewestAgentsThatReachTheServiceLevel(double serviceLevel, int expected)
    {
        Assert.Equal(expected, ErlangC.AgentsFor(48, 240, 15, serviceLevel));
    }

    [Fact]
    public void AgentsForReachesTheTargetWithOneAgentToSpareAndNotWithOneLess()
    {
        foreach (var load in new[] { 0.3, 2, 9.5, 48, 120, 700 })
        {
            foreach (var serviceLevel in new[] { 0.5, 0.8, 0.95, 0.999 })
            {
                var agents = ErlangC.AgentsFor(load, 180, 20, serviceLevel);

                Assert.True(ErlangC.ServiceLevel(load, agents, 180, 20) >= serviceLevel, $"{agents} agents miss {serviceLevel} at {load} erlangs.");
                Assert.True(ErlangC.ServiceLevel(load, agents - 1, 180, 20) < serviceLevel, $"{agents - 1} agents already reach {serviceLevel} at {load} erlangs.");
            }
        }
    }

    [Fact]
    public void AgentsForNeedsNoAgentsWithoutCalls()
    {
        Assert.Equal(0, ErlangC.AgentsFor(0, 180, 20, 0.8));
    }

    [Fact]
    public void AgentsForRefusesToAnswerEveryoneInTime()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsFor(10, 180, 20, 1));
    }

    [Fact]
    public void NegativeOrUndefinedArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWait(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWait(double.NaN, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWait(1, -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ServiceLevel(1, 3, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ServiceLevel(1, 3, 180, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AverageSpeedOfAnswer(1, 3, double.PositiveInfinity));
    }
}
