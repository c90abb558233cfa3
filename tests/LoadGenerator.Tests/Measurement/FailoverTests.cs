using Helpdesk.LoadGenerator.Measurement;

namespace Helpdesk.LoadGenerator.Tests.Measurement;

public sealed class FailoverTests
{
    private static readonly TimeSpan Kill = TimeSpan.FromSeconds(10);

    [Fact]
    public void FailoverEndsWithTheLastFailureAtASurvivor()
    {
        var failover = Failover.Of(
            [
                Failure(4, silo: 0),
                Failure(10.01, silo: 2),
                Failure(10.02, silo: 2),
                Failure(11.5, silo: 0),
                Failure(14.8, silo: 1),
                Failure(12, silo: 0),
            ],
            Kill,
            killed: 2);

        Assert.Equal(1, failover.FailedBefore);
        Assert.Equal(2, failover.FailedAtKilled);
        Assert.Equal(3, failover.FailedAtSurvivors);
        Assert.Equal(5, failover.FailedAfterKill);
        Assert.Equal(4.8, failover.FailoverTime.TotalSeconds, precision: 6);
    }

    [Fact]
    public void FailuresOnlyAtTheKilledSiloCostNoFailover()
    {
        var failover = Failover.Of([Failure(10.001, silo: 1), Failure(10.2, silo: 1)], Kill, killed: 1);

        Assert.Equal(2, failover.FailedAtKilled);
        Assert.Equal(0, failover.FailedAtSurvivors);
        Assert.Equal(TimeSpan.Zero, failover.FailoverTime);
    }

    private static FailedAttempt Failure(double at, int silo) => new(TimeSpan.FromSeconds(at), silo, "POST /api/contacts", "HTTP 503");
}
