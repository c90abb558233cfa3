using Helpdesk.LoadGenerator.Measurement;

namespace Helpdesk.LoadGenerator.Tests.Measurement;

public sealed class PercentilesTests
{
    [Fact]
    public void NearestRankOfAHundredValuesIsTheValueAtThatRank()
    {
        var figures = Percentiles.Summarize(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal(new LatencyFigures(50, 90, 99, 100), figures);
    }

    [Fact]
    public void TheTailOfFewValuesIsTheLargest()
    {
        var figures = Percentiles.Summarize([3, 1, 2]);

        Assert.Equal(2, figures.P50);
        Assert.Equal(3, figures.P90);
        Assert.Equal(3, figures.P99);
        Assert.Equal(3, figures.Max);
    }

    [Fact]
    public void OneSlowCallInAThousandShowsAtTheMaximumNotAtP99()
    {
        var figures = Percentiles.Summarize(Enumerable.Repeat(1.0, 999).Append(500));

        Assert.Equal(1, figures.P99);
        Assert.Equal(500, figures.Max);
    }

    [Fact]
    public void NoValuesGiveNoFigures()
    {
        var figures = Percentiles.Summarize([]);

        Assert.True(double.IsNaN(figures.P50) && double.IsNaN(figures.P99) && double.IsNaN(figures.Max));
    }

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.25, 10)]
    [InlineData(0.26, 20)]
    [InlineData(1.0, 40)]
    public void TheQuantileRoundsUpToARank(double quantile, double expected) =>
        Assert.Equal(expected, Percentiles.Of([10, 20, 30, 40], quantile));
}
