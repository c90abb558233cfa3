using Helpdesk.Simulator.Model;
using Helpdesk.Simulator.Studies;

namespace Helpdesk.Simulator.Tests.Engine;

public sealed class SimulationTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void A_seed_always_gives_the_same_run_and_another_seed_another()
    {
        var scenario = PolicyComparison.Scenario([16, 10, 8, 6], Staffing.Balancer, TimeSpan.FromHours(4));

        var first = Simulator.Engine.Simulator.Run(scenario, 7);
        var again = Simulator.Engine.Simulator.Run(scenario, 7);
        var other = Simulator.Engine.Simulator.Run(scenario, 8);

        Assert.Equal(first.Departments, again.Departments);
        Assert.Equal(first.Center, again.Center);
        Assert.Equal((first.Lends, first.Returns), (again.Lends, again.Returns));
        Assert.Equal(first.DifficultyPerOperator, again.DifficultyPerOperator);
        Assert.NotEqual(first.Center, other.Center);
    }

    [Theory]
    [InlineData(Staffing.Dedicated)]
    [InlineData(Staffing.Pooled)]
    [InlineData(Staffing.Chained)]
    [InlineData(Staffing.Balancer)]
    public void Every_contact_that_arrives_is_answered_or_given_up_once(Staffing staffing)
    {
        var run = Simulator.Engine.Simulator.Run(PolicyComparison.Scenario([16, 10, 8, 6], staffing, Day), 1);

        Assert.All(run.Departments, department => Assert.Equal(department.Arrived, department.Answered + department.Abandoned));
        Assert.Equal(run.Departments.Sum(department => department.Arrived), run.Center.Arrived);
        Assert.InRange(run.Center.Arrived, 11_000, 12_000); // 40 erlangs / 300 s × 86,400 s = 11,520
    }

    [Fact]
    public void Dedicated_departments_each_match_erlang_a()
    {
        var loads = new double[] { 16, 10, 8, 6 };
        var runs = Simulator.Engine.Simulator.Replicate(PolicyComparison.Scenario(loads, Staffing.Dedicated, Day * 4), 6);

        for (var i = 0; i < loads.Length; i++)
        {
            var theory = PolicyComparison.Theory([loads[i]], Staffing.Dedicated)!.Value;
            Assert.InRange(runs.Department($"d{i + 1}", department => department.ServiceLevel).Mean, theory.ServiceLevel - 0.03, theory.ServiceLevel + 0.03);
            Assert.InRange(runs.Department($"d{i + 1}", department => department.Abandonment).Mean, theory.Abandonment - 0.015, theory.Abandonment + 0.015);
        }
    }

    [Fact]
    public void Pooled_staff_is_one_first_come_first_served_queue()
    {
        var runs = Simulator.Engine.Simulator.Replicate(PolicyComparison.Scenario([16, 10, 8, 6], Staffing.Pooled, Day * 4), 6);
        var theory = PolicyComparison.Theory([16, 10, 8, 6], Staffing.Pooled)!.Value;

        Assert.InRange(runs.Center(center => center.ServiceLevel).Mean, theory.ServiceLevel - 0.015, theory.ServiceLevel + 0.015);
        Assert.All(runs.DepartmentIds, id => Assert.InRange(runs.Department(id, department => department.ServiceLevel).Mean, theory.ServiceLevel - 0.03, theory.ServiceLevel + 0.03));
    }

    [Fact]
    public void The_balancer_lends_towards_the_surge_and_lifts_it_above_dedicated_staff()
    {
        var dedicated = Simulator.Engine.Simulator.Replicate(PolicyComparison.Scenario([16, 10, 8, 6], Staffing.Dedicated, Day), 4);
        var balanced = Simulator.Engine.Simulator.Replicate(PolicyComparison.Scenario([16, 10, 8, 6], Staffing.Balancer, Day), 4);

        Assert.All(balanced.Runs, run => Assert.True(run.Lends > 0));
        var before = dedicated.Department("d1", department => department.ServiceLevel);
        var after = balanced.Department("d1", department => department.ServiceLevel);
        Assert.True(after.Mean - after.HalfWidth > before.Mean + before.HalfWidth, $"d1 {after.Percent()} with the balancer against {before.Percent()} without");
    }

    [Fact]
    public void A_load_step_starts_arrivals_when_it_begins()
    {
        var scenario = new Scenario(
            "step",
            [new DepartmentSpec("d1", [new LoadStep(TimeSpan.Zero, 0), new LoadStep(TimeSpan.FromHours(2), 10)], 12)],
            Staffing.Dedicated,
            Distribution.Exponential(300),
            null,
            TimeSpan.FromHours(3),
            TimeSpan.FromHours(2));

        var run = Simulator.Engine.Simulator.Run(scenario, 3);

        Assert.InRange(run.Center.Arrived, 80, 160); // 10 erlangs / 300 s over an hour: 120
    }

    [Fact]
    public void A_bad_scenario_is_refused_with_why()
    {
        var scenario = PolicyComparison.Scenario([10], Staffing.Dedicated, Day) with { Warmup = TimeSpan.FromDays(2) };

        var refused = Assert.Throws<ArgumentException>(() => Simulator.Engine.Simulator.Run(scenario, 1));

        Assert.Contains("warm-up", refused.Message, StringComparison.Ordinal);
    }
}
