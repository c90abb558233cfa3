using System.Globalization;
using Helpdesk.Simulator.Studies;
using Xunit.Abstractions;

namespace Helpdesk.Simulator.Tests.Studies;

/// <summary>The simulator against Erlang C and Erlang A, within the tolerances of theory: ±1 point of service level, ±10% of speed of answer, ±0.3 points of abandonment.</summary>
/// <remarks>
/// A small sample (6 × 300 simulated hours per case, seconds of CPU) checks the means; its confidence intervals are a little wider
/// than the tolerances. The simulator's own calibration report runs long enough for the whole intervals to fit.
/// </remarks>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private const int Replications = 6;
    private static readonly TimeSpan Measured = TimeSpan.FromHours(Environment.GetEnvironmentVariable("SIMULATOR_HOURS") is { } hours ? double.Parse(hours, CultureInfo.InvariantCulture) : 300);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_single_first_come_first_served_queue_matches_queueing_theory(int index)
    {
        var row = Calibration.Check(CalibrationCase.Standard[index], Replications, Measured);

        output.WriteLine($"{row.Case.Name}: {row.Contacts} contacts");
        output.WriteLine($"service level {row.ServiceLevel.Percent()} (theory {row.Theory.ServiceLevel:P2})");
        output.WriteLine($"speed of answer {row.SpeedOfAnswer.Plain("0.00")} s (theory {row.Theory.AverageSpeedOfAnswer:0.00} s)");
        output.WriteLine($"abandonment {row.Abandonment.Percent()} (theory {row.Theory.Abandonment:P3})");
        Assert.True(row.ServiceLevelAgrees, $"service level {row.ServiceLevel.Percent()} against {row.Theory.ServiceLevel:P2}");
        Assert.True(row.SpeedOfAnswerAgrees, $"speed of answer {row.SpeedOfAnswer.Plain("0.00")} s against {row.Theory.AverageSpeedOfAnswer:0.00} s");
        Assert.True(row.Case.PatienceSeconds is null || row.AbandonmentAgrees, $"abandonment {row.Abandonment.Percent()} against {row.Theory.Abandonment:P3}");
    }
}
