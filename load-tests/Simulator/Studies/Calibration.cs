namespace Helpdesk.Simulator.Studies;

/// <summary>Checks the simulator against queueing theory.</summary>
public static class Calibration
{
    /// <summary>Simulates <paramref name="calibrationCase"/> with <paramref name="replications"/> seeds of <paramref name="measured"/> each.</summary>
    public static CalibrationRow Check(CalibrationCase calibrationCase, int replications, TimeSpan measured, int firstSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(calibrationCase);
        var runs = Engine.Simulator.Replicate(calibrationCase.Scenario(measured), replications, firstSeed);
        return new CalibrationRow(
            calibrationCase,
            calibrationCase.Theory,
            runs.Center(center => center.ServiceLevel),
            runs.Center(center => center.AverageSpeedOfAnswer),
            runs.Center(center => center.Abandonment),
            runs.Runs.Sum(run => run.Center.Arrived));
    }
}
