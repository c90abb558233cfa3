using Helpdesk.Simulator.Results;

namespace Helpdesk.Simulator.Tests.Results;

public sealed class EstimateTests
{
    [Fact]
    public void The_interval_is_students_t_times_the_standard_error()
    {
        var estimate = Estimate.Of([1, 2, 3, 4]);

        Assert.Equal(2.5, estimate.Mean, 12);
        Assert.Equal(3.182 * Math.Sqrt(5.0 / 3 / 4), estimate.HalfWidth, 9);
    }

    [Fact]
    public void One_replication_has_no_interval() => Assert.Equal(new Estimate(7, 0), Estimate.Of([7]));

    [Theory]
    [InlineData(0.85, 0.004, 0.846, 0.01, true)]
    [InlineData(0.85, 0.008, 0.846, 0.01, false)]
    [InlineData(0.83, 0.001, 0.846, 0.01, false)]
    public void Within_asks_the_whole_interval_to_fit(double mean, double halfWidth, double expected, double tolerance, bool within) =>
        Assert.Equal(within, new Estimate(mean, halfWidth).WithinOf(expected, tolerance));
}
