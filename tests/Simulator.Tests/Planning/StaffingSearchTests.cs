using Helpdesk.Simulator.Planning;
using Xunit.Abstractions;

namespace Helpdesk.Simulator.Tests.Planning;

/// <summary>The fewest operators for a goal, searched by simulation: on one pooled department it is Erlang A's answer, within one operator.</summary>
public sealed class StaffingSearchTests(ITestOutputHelper output)
{
    private const string OneQueue = """
        {
          "departments": [
            {
              "id": "queue",
              "operators": 40,
              "arrivalsPerHour": 480,
              "handleTime": { "mean": 300, "distribution": "exponential" },
              "patience": { "mean": 180, "distribution": "exponential" }
            }
          ],
          "policy": "pooled",
          "hours": 100,
          "replications": 4
        }
        """;

    [Fact]
    public void OnOnePooledDepartmentTheSearchAgreesWithErlangAWithinOneOperator()
    {
        var plan = ScenarioFile.Read(OneQueue).Plan!;

        var answer = StaffingSearch.Find(plan, 0.8, TimeSpan.FromSeconds(20), output.WriteLine);

        var queue = answer.Departments.Single();
        output.WriteLine($"{queue.Operators} operators by simulation ({queue.ServiceLevel:P1}), {queue.ErlangA} by Erlang A");
        Assert.InRange(queue.Operators, queue.ErlangA - 1, queue.ErlangA + 1);
        Assert.True(queue.ServiceLevel >= 0.8, $"{queue.ServiceLevel:P1} within 20 s with the staffing found");
    }

    [Theory]
    [InlineData("0.8/20", true)]
    [InlineData("0.95/15.5", true)]
    [InlineData("80/20", false)]
    [InlineData("0.8", false)]
    [InlineData("0.8/0", false)]
    [InlineData("1/20", false)]
    [InlineData("a/b", false)]
    public void AGoalIsAShareBelowOneAndSecondsAboveZero(string goal, bool valid) =>
        Assert.Equal(valid, StaffingSearch.TryParseGoal(goal, out _, out _));
}
