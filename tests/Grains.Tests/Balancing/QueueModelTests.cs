using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

/// <summary>The forecast: which model answers, what it says at the edges, and that staffing and load move it the right way.</summary>
public sealed class QueueModelTests
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    public static TheoryData<double?> Patiences => new() { null, 180.0 };

    [Fact]
    public void CallersOfUnknownPatienceAreForecastByErlangC()
    {
        var forecast = QueueModel.Forecast(40.0 / 300, 300, 48, Target, null);

        Assert.Equal(
            new QueueForecast(
                40,
                40.0 / 48,
                ErlangC.ProbabilityOfWait(40, 48),
                ErlangC.AverageSpeedOfAnswer(40, 48, 300),
                ErlangC.ServiceLevel(40, 48, 300, 20),
                0),
            forecast);
        Assert.Equal(forecast, QueueModel.Forecast(40.0 / 300, 300, 48, Target, double.PositiveInfinity));
    }

    [Fact]
    public void CallersOfKnownPatienceAreForecastByErlangA()
    {
        var metrics = ErlangA.Evaluate(40.0 / 300, 300, 48, 180, 20);

        var forecast = QueueModel.Forecast(40.0 / 300, 300, 48, Target, 180);

        Assert.Equal(
            new QueueForecast(40, metrics.Occupancy, metrics.ProbabilityOfWait, metrics.AverageSpeedOfAnswer, metrics.ServiceLevel, metrics.Abandonment),
            forecast);
    }

    [Theory]
    [MemberData(nameof(Patiences))]
    public void WithoutArrivalsEveryoneIsAnsweredAtOnce(double? patience)
    {
        Assert.Equal(new QueueForecast(0, 0, 0, 0, 1, 0), QueueModel.Forecast(0, 300, 5, Target, patience));
        Assert.Equal(new QueueForecast(0, 0, 0, 0, 1, 0), QueueModel.Forecast(0, 300, 0, Target, patience));
    }

    [Fact]
    public void WithoutAgentsPatientCallersAllHangUp()
    {
        Assert.Equal(new QueueForecast(150, 0, 1, double.PositiveInfinity, 0, 1), QueueModel.Forecast(0.5, 300, 0, Target, 180));
    }

    [Fact]
    public void WithoutAgentsCallersOfUnknownPatienceWaitForever()
    {
        Assert.Equal(new QueueForecast(150, 0, 1, double.PositiveInfinity, 0, 0), QueueModel.Forecast(0.5, 300, 0, Target, null));
    }

    [Fact]
    public void OverloadWithoutPatienceKeepsEveryAgentBusyAndAnswersNoOneInTime()
    {
        Assert.Equal(new QueueForecast(60, 1, 1, double.PositiveInfinity, 0, 0), QueueModel.Forecast(0.2, 300, 48, Target, null));
    }

    [Fact]
    public void NegativeTargetIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueModel.Forecast(1, 300, 5, TimeSpan.FromSeconds(-1), null));
    }

    [Fact]
    public void NoFigureIsEverUndefined()
    {
        foreach (var forecast in Grid())
        {
            Assert.False(
                double.IsNaN(forecast.Occupancy) || double.IsNaN(forecast.ProbabilityOfWait) || double.IsNaN(forecast.AverageSpeedOfAnswer)
                || double.IsNaN(forecast.ServiceLevel) || double.IsNaN(forecast.Abandonment),
                $"Undefined figure in {forecast}.");
            Assert.InRange(forecast.ServiceLevel, 0, 1);
            Assert.InRange(forecast.ProbabilityOfWait, 0, 1);
            Assert.InRange(forecast.Abandonment, 0, 1);
            Assert.InRange(forecast.Occupancy, 0, 1);
            Assert.True(forecast.AverageSpeedOfAnswer >= 0, $"Negative speed of answer in {forecast}.");
        }
    }

    [Fact]
    public void MoreAgentsNeverLowerTheServiceLevel()
    {
        foreach (var (arrivals, handle, target, patience) in Cases())
        {
            var previous = QueueModel.Forecast(arrivals, handle, 0, target, patience).ServiceLevel;
            for (var agents = 1; agents <= 80; agents++)
            {
                var current = QueueModel.Forecast(arrivals, handle, agents, target, patience).ServiceLevel;
                Assert.True(current >= previous - 1e-12, $"{agents} agents answer {current} < {previous} at λ={arrivals}, h={handle}, T={target}, θ={patience}.");
                previous = current;
            }
        }
    }

    [Fact]
    public void MoreLoadNeverRaisesTheServiceLevel()
    {
        foreach (var (handle, target, patience) in Cases().Select(@case => (@case.Handle, @case.Target, @case.Patience)).Distinct())
        {
            foreach (var agents in new[] { 0, 1, 5, 20, 50 })
            {
                var previous = QueueModel.Forecast(0, handle, agents, target, patience).ServiceLevel;
                for (var load = 0.25; load <= 80; load += 0.25)
                {
                    var current = QueueModel.Forecast(load / handle, handle, agents, target, patience).ServiceLevel;
                    Assert.True(current <= previous + 1e-12, $"{load} erlangs answer {current} > {previous} with {agents} agents, h={handle}, T={target}, θ={patience}.");
                    previous = current;
                }
            }
        }
    }

    private static IEnumerable<(double Arrivals, double Handle, TimeSpan Target, double? Patience)> Cases() =>
        from arrivals in new[] { 0.01, 0.1, 0.5, 2 }
        from handle in new[] { 30.0, 300 }
        from target in new[] { TimeSpan.Zero, Target, TimeSpan.FromMinutes(3) }
        from patience in new double?[] { null, 15, 180, 3600 }
        select (arrivals, handle, target, patience);

    private static IEnumerable<QueueForecast> Grid() =>
        from @case in Cases()
        from agents in new[] { 0, 1, 2, 10, 100, 1000 }
        select QueueModel.Forecast(@case.Arrivals, @case.Handle, agents, @case.Target, @case.Patience);
}
