using Helpdesk.Grains.Balancing;
using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Planning;
using Xunit.Abstractions;

namespace Helpdesk.Simulator.Tests.Planning;

/// <summary>
/// A center's own scenario file: the files of queueing theory's two models land within its tolerances (±1 point of service
/// level, ±10% of speed of answer, ±0.3 points of abandonment), and a bad file is refused field by field.
/// </summary>
public sealed class ScenarioFileTests(ITestOutputHelper output)
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    [Theory]
    [InlineData("erlang-c.json", null)]
    [InlineData("erlang-a.json", 180.0)]
    public void TheFilesOfErlangCAndErlangALandWithinTheFormulasTolerances(string file, double? patienceSeconds)
    {
        var plan = ScenarioFile.Load(Example(file)).Plan ?? throw new InvalidOperationException($"{file} was refused.");
        var theory = QueueModel.Forecast(480 / 3_600.0, 300, 48, TimeSpan.FromSeconds(20), patienceSeconds);

        var center = ScenarioResults.Of(plan).Policies.Single().Center;

        output.WriteLine($"service level {center.ServiceLevel} against {theory.ServiceLevel:P2}; speed of answer {center.AverageSpeedOfAnswerSeconds} s against {theory.AverageSpeedOfAnswer:0.00} s; abandonment {center.Abandonment} against {theory.Abandonment:P3}");
        Assert.InRange(center.ServiceLevel.Mean, theory.ServiceLevel - 0.01, theory.ServiceLevel + 0.01);
        Assert.InRange(center.AverageSpeedOfAnswerSeconds.Mean, theory.AverageSpeedOfAnswer * 0.9, theory.AverageSpeedOfAnswer * 1.1);
        Assert.InRange(center.Abandonment.Mean, theory.Abandonment - 0.003, theory.Abandonment + 0.003);
    }

    [Fact]
    public void ABadFileIsRefusedFieldByFieldAndGivesNoPlan()
    {
        const string Json = """
            {
              "departments": [
                { "id": "billing", "operators": -2, "arrivalsPerHour": [1, 2], "handleTime": { "mean": 300, "distribution": "exponential", "cv": 1 }, "patience": null },
                { "id": "billing", "operators": [{ "count": 3, "line": "l3", "alsoServes": "nowhere" }], "arrivalsPerHour": 60, "handleTime": { "mean": 0, "distribution": "Exponential" }, "serviceLevelSeconds": "20" },
                { "id": "..", "operators": 4, "arrivalsPerHour": 10, "handleTime": null, "patience": { "mean": 60, "distribution": "lognormal" }, "shift": 8 }
              ],
              "policy": ["balancer", 2],
              "balancer": { "targetServiceLevel": 1.5 },
              "customers": { "literate": 2, "karma": "yes" },
              "hours": 0,
              "replications": 1
            }
            """;

        var reading = ScenarioFile.Read(Json);

        Assert.Null(reading.Plan);
        Assert.Equal(
            [
                "balancer",
                "customers.karma",
                "customers.literate",
                "departments[0].arrivalsPerHour",
                "departments[0].handleTime.cv",
                "departments[0].operators",
                "departments[1].handleTime.distribution",
                "departments[1].handleTime.mean",
                "departments[1].id",
                "departments[1].operators[0].alsoServes",
                "departments[1].operators[0].line",
                "departments[1].patience",
                "departments[1].serviceLevelSeconds",
                "departments[2].handleTime",
                "departments[2].id",
                "departments[2].patience.cv",
                "departments[2].shift",
                "hours",
                "policy[1]",
                "replications",
            ],
            reading.Errors.Select(error => error.Field).Order(StringComparer.Ordinal));
        Assert.All(reading.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData("[]", "file")]
    [InlineData("{\"departments\": [], \"policy\": []}", "departments")]
    public void WhatIsNoScenarioAtAllIsRefusedAsAWhole(string json, string field)
    {
        var reading = ScenarioFile.Read(json);

        Assert.Null(reading.Plan);
        Assert.Contains(field, reading.Errors.Select(error => error.Field));
    }

    [Fact]
    public void TheExampleReadsAsAPlanWithItsGroupsProfileAndPolicies()
    {
        var plan = ScenarioFile.Load(Example("monday.json")).Plan ?? throw new InvalidOperationException(string.Join("; ", ScenarioFile.Load(Example("monday.json")).Errors));
        var billing = plan.Scenario.Departments[0];

        Assert.Equal([Staffing.Dedicated, Staffing.Chained, Staffing.Balancer], plan.Policies);
        Assert.Equal((13, "support"), (billing.Operators, billing.Groups[1].AlsoServes));
        Assert.Equal(TimeSpan.FromHours(8), billing.Load.First(step => step.Erlangs == 130 / 3_600.0 * 280).From);
        Assert.Equal(TimeSpan.FromSeconds(30), plan.Scenario.TimesOf(plan.Scenario.Departments[1]).Target);
        Assert.Equal(0.8, plan.Scenario.Balancer.TargetServiceLevel);
        Assert.Equal((10, 25), (plan.Replications, (int)plan.Scenario.Duration.TotalHours));
    }
}
