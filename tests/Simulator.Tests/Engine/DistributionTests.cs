using Helpdesk.Simulator.Model;

namespace Helpdesk.Simulator.Tests.Engine;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(DistributionKind.Exponential, 300, 1, 1.0)]
    [InlineData(DistributionKind.Lognormal, 300, 0.6, 0.6)]
    [InlineData(DistributionKind.Fixed, 300, 0, 0.0)]
    public void Draws_have_the_mean_and_spread_asked_for(DistributionKind kind, double mean, double cv, double expectedCv)
    {
        var distribution = new Distribution(kind, mean, cv);
        var random = new Random(11);

        var draws = Enumerable.Range(0, 200_000).Select(_ => distribution.Sample(random)).ToList();

        var average = draws.Average();
        var deviation = Math.Sqrt(draws.Sum(draw => (draw - average) * (draw - average)) / (draws.Count - 1));
        Assert.InRange(average, mean * 0.99, mean * 1.01);
        Assert.InRange(deviation / average, expectedCv - 0.02, expectedCv + 0.02);
        Assert.All(draws, draw => Assert.True(draw > 0));
    }
}
