namespace Helpdesk.LoadGenerator.Measurement;

/// <summary>What a kill cost, from the failed attempts around it.</summary>
/// <param name="KilledAt">When the silo was killed, from the first arrival.</param>
/// <param name="Killed">The silo killed (its index in the pool).</param>
/// <param name="FailedBefore">Attempts that failed before the kill.</param>
/// <param name="FailedAtKilled">Attempts that failed at the killed silo from the kill on: those in flight, and any sent before it was known down.</param>
/// <param name="FailedAtSurvivors">Attempts that failed at the surviving silos from the kill on: calls whose grains lived on the killed silo, until its partitions moved.</param>
/// <param name="FailoverTime">From the kill to the end of the last failed attempt at a survivor: after it every request through the survivors succeeded. Zero when none failed there.</param>
internal sealed record Failover(TimeSpan KilledAt, int Killed, int FailedBefore, int FailedAtKilled, int FailedAtSurvivors, TimeSpan FailoverTime)
{
    /// <summary>Sums up <paramref name="failures"/> around a kill of silo <paramref name="killed"/> at <paramref name="killedAt"/>.</summary>
    public static Failover Of(IEnumerable<FailedAttempt> failures, TimeSpan killedAt, int killed)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var before = 0;
        var atKilled = 0;
        var atSurvivors = 0;
        var lastAtSurvivors = killedAt;
        foreach (var failure in failures)
        {
            if (failure.At < killedAt)
            {
                before++;
            }
            else if (failure.Silo == killed)
            {
                atKilled++;
            }
            else
            {
                atSurvivors++;
                lastAtSurvivors = failure.At > lastAtSurvivors ? failure.At : lastAtSurvivors;
            }
        }

        return new Failover(killedAt, killed, before, atKilled, atSurvivors, lastAtSurvivors - killedAt);
    }

    /// <summary>Failed attempts from the kill on, wherever they went.</summary>
    public int FailedAfterKill => FailedAtKilled + FailedAtSurvivors;
}
