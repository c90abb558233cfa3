using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

/// <summary>Erlang A: the calibration figure, agreement with Erlang C for patient callers, the tagged caller's chances, and the edges.</summary>
public sealed class ErlangATests
{
    [Fact]
    public void FortyEightAgentsOnFortyErlangsOfFiveMinuteCallsLose1Point11PercentOfCallersWithThreeMinutesPatience()
    {
        // The calibration figure holds for a mean handle time of 300 s (1.112 %); 240 s would give 1.00 %, 180 s 0.86 %.
        var metrics = ErlangA.Evaluate(40.0 / 300, 300, 48, 180, 20);

        Assert.Equal(0.0111, metrics.Abandonment, 0.0005);
    }

    [Theory]
    [InlineData(40.0 / 300, 300, 48, 20)]
    [InlineData(48.0 / 240, 240, 55, 15)]
    [InlineData(2.0 / 60, 60, 3, 10)]
    [InlineData(9.9 / 180, 180, 10, 60)]
    public void CallersWhoNeverHangUpQueueAsInErlangC(double arrivalsPerSecond, double handleTimeSeconds, int agents, double targetSeconds)
    {
        var load = arrivalsPerSecond * handleTimeSeconds;
        var speedOfAnswer = ErlangC.AverageSpeedOfAnswer(load, agents, handleTimeSeconds);

        var metrics = ErlangA.Evaluate(arrivalsPerSecond, handleTimeSeconds, agents, 1e9, targetSeconds);

        // Relative for the waits: at 99 % load the mean wait is half an hour, and a patience of 1e9 s still trims it by 4e-4.
        Assert.Equal(ErlangC.ProbabilityOfWait(load, agents), metrics.ProbabilityOfWait, 1e-3);
        Assert.Equal(1, metrics.AverageSpeedOfAnswer / speedOfAnswer, 1e-3);
        Assert.Equal(1, metrics.AverageWait / speedOfAnswer, 1e-3);
        Assert.Equal(ErlangC.ServiceLevel(load, agents, handleTimeSeconds, targetSeconds), metrics.ServiceLevel, 1e-3);
        Assert.Equal(0, metrics.Abandonment, 1e-3);
    }

    [Fact]
    public void CallersRarelyHangUpWhereAgentsFarOutnumberTheLoad()
    {
        var metrics = ErlangA.Evaluate(40.0 / 300, 300, 100, 180, 20);

        Assert.InRange(metrics.Abandonment, 0, 1e-12);
        Assert.Equal(1, metrics.ServiceLevel, 1e-12);
    }

    [Theory]
    [InlineData(40.0 / 300, 300, 48, 180)]
    [InlineData(60.0 / 300, 300, 48, 180)]
    [InlineData(5.0 / 60, 60, 2, 30)]
    [InlineData(990.0 / 300, 300, 1000, 600)]
    public void AnsweredInAnyTimeIsEveryoneWhoDoesNotHangUp(double arrivalsPerSecond, double handleTimeSeconds, int agents, double patienceSeconds)
    {
        // The tagged caller's chances telescope to a/(a + j); abandonment comes from the queue length by Little's law.
        var metrics = ErlangA.Evaluate(arrivalsPerSecond, handleTimeSeconds, agents, patienceSeconds, double.PositiveInfinity);

        Assert.Equal(1 - metrics.Abandonment, metrics.ServiceLevel, 1e-12);
        Assert.Equal(1, metrics.ServiceLevelOfAnswered, 1e-12);
    }

    [Fact]
    public void AnsweredWithinNoTimeIsTheShareWhoFindAFreeAgent()
    {
        var metrics = ErlangA.Evaluate(40.0 / 300, 300, 48, 180, 0);

        Assert.Equal(1 - metrics.ProbabilityOfWait, metrics.ServiceLevel, 1e-15);
    }

    [Fact]
    public void AverageWaitIsTheQueueLengthOverTheArrivalRateAndAbandonmentItsShareOfThePatience()
    {
        var metrics = ErlangA.Evaluate(40.0 / 300, 300, 48, 180, 20);

        Assert.Equal(metrics.AverageQueueLength / (40.0 / 300), metrics.AverageWait, 1e-12);
        Assert.Equal(metrics.AverageWait / 180, metrics.Abandonment, 1e-12);
        Assert.Equal(40.0 * (1 - metrics.Abandonment) / 48, metrics.Occupancy, 1e-12);
        Assert.InRange(metrics.AverageSpeedOfAnswer, 0, metrics.AverageWait / (1 - metrics.Abandonment));
    }

    [Fact]
    public void OverloadedQueueSettlesBecauseCallersHangUp()
    {
        var metrics = ErlangA.Evaluate(60.0 / 300, 300, 48, 180, 20);

        Assert.True(metrics.Abandonment >= 1 - (48.0 / 60), $"Abandonment {metrics.Abandonment} leaves more work than 48 agents carry.");
        Assert.InRange(metrics.Occupancy, 0.99, 1);
        Assert.InRange(metrics.ServiceLevel, 0, 1);
        Assert.True(double.IsFinite(metrics.AverageSpeedOfAnswer));
    }

    [Fact]
    public void CallersWhoOutwaitAnOverloadedQueueByDaysFillItAndTheRestHangUp()
    {
        var metrics = ErlangA.Evaluate(1, 100, 10, 1e6, 20);

        Assert.Equal(0.9, metrics.Abandonment, 1e-3);
        Assert.Equal(1, metrics.ProbabilityOfWait, 1e-9);
        Assert.Equal(1, metrics.Occupancy, 1e-3);
        Assert.Equal(0, metrics.ServiceLevel, 1e-9);
    }

    [Fact]
    public void AThousandAgentsAt990ErlangsStayFinite()
    {
        var metrics = ErlangA.Evaluate(990.0 / 300, 300, 1000, 180, 20);

        Assert.InRange(metrics.ProbabilityOfWait, 0, ErlangC.ProbabilityOfWait(990, 1000));
        Assert.InRange(metrics.ServiceLevel, ErlangC.ServiceLevel(990, 1000, 300, 20), 1);
        Assert.True(double.IsFinite(metrics.AverageSpeedOfAnswer));
    }

    [Fact]
    public void WithoutArrivalsNoOneWaits()
    {
        Assert.Equal(new ErlangAMetrics(0, 0, 0, 0, 0, 1, 1, 0), ErlangA.Evaluate(0, 300, 5, 180, 20));
    }

    [Fact]
    public void WithoutAgentsEveryoneWaitsAndHangsUp()
    {
        var metrics = ErlangA.Evaluate(0.5, 300, 0, 180, 20);

        Assert.Equal(new ErlangAMetrics(1, 1, 90, 180, double.PositiveInfinity, 0, 0, 0), metrics);
    }

    [Fact]
    public void NextInLineIsAnsweredWithinTheTargetUnlessAnAgentIsTooSlowOrItHangsUpFirst()
    {
        double serviceRate = 48.0 / 300, abandonRate = 1.0 / 180, target = 20;
        var exit = serviceRate + abandonRate;

        var expected = serviceRate / exit * (1 - Math.Exp(-exit * target));

        Assert.Equal(expected, ErlangA.ProbabilityAnsweredWithin(1, 48, 300, 180, target), 1e-14);
    }

    [Fact]
    public void SecondInLineWaitsForTheFirstToBeAnsweredOrHangUp()
    {
        double serviceRate = 48.0 / 300, abandonRate = 1.0 / 180, target = 20;
        var second = serviceRate + (2 * abandonRate);
        var first = serviceRate + abandonRate;
        var within = 1 - (((first * Math.Exp(-second * target)) - (second * Math.Exp(-first * target))) / (first - second));

        var expected = first / second * (serviceRate / first) * within;

        Assert.Equal(expected, ErlangA.ProbabilityAnsweredWithin(2, 48, 300, 180, target), 1e-12);
    }

    [Theory]
    [InlineData(150, 100, 200, 120, 120)]
    [InlineData(40, 20, 300, 60, 30)]
    [InlineData(7, 3, 180, 45, 90)]
    public void FarBackInLineTheChanceMatchesTheUniformizedChain(int position, int agents, double handleTimeSeconds, double patienceSeconds, double targetSeconds)
    {
        var expected = Uniformized(position, agents / handleTimeSeconds, 1 / patienceSeconds, targetSeconds);

        Assert.Equal(expected, ErlangA.ProbabilityAnsweredWithin(position, agents, handleTimeSeconds, patienceSeconds, targetSeconds), 1e-10);
    }

    [Fact]
    public void NegativeOrUndefinedArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(-1, 300, 5, 180, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(1, 300, 5, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(1, 300, 5, double.PositiveInfinity, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(1, 300, 5, 180, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.ProbabilityAnsweredWithin(0, 5, 300, 180, 20));
    }

    /// <summary>P(answered within T) from queue position j by uniformizing the tagged caller's chain: an independent reference.</summary>
    private static double Uniformized(int position, double serviceRate, double abandonRate, double target)
    {
        var uniform = serviceRate + (position * abandonRate);
        var atPosition = new double[position + 1];
        atPosition[position] = 1;
        var answered = 0.0;
        var poisson = Math.Exp(-uniform * target);
        var steps = (uniform * target) + (12 * Math.Sqrt(uniform * target)) + 30;
        var result = 0.0;
        for (var step = 1; step <= steps; step++)
        {
            answered += atPosition[1] * serviceRate / uniform;
            var next = new double[position + 1];
            for (var i = 1; i <= position; i++)
            {
                next[i] += atPosition[i] * (1 - ((serviceRate + (i * abandonRate)) / uniform));
                if (i > 1)
                {
                    next[i - 1] += atPosition[i] * (serviceRate + ((i - 1) * abandonRate)) / uniform;
                }
            }

            atPosition = next;
            poisson *= uniform * target / step;
            result += poisson * answered;
        }

        return result;
    }
}
