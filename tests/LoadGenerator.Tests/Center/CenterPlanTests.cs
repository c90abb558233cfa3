using Helpdesk.LoadGenerator.Center;
using Helpdesk.LoadGenerator.Options;

namespace Helpdesk.LoadGenerator.Tests.Center;

public sealed class CenterPlanTests
{
    private static readonly LoadOptions Options = LoadOptions.Default with { Departments = 3, Operators = 30, Customers = 200, Rate = 50, Seed = 7 };

    [Fact]
    public void TheSameSeedPlansTheSameCenterAndArrivals()
    {
        var first = new CenterPlan(Options, "run");
        var second = new CenterPlan(Options, "run");

        Assert.Equal(first.Operators, second.Operators);
        Assert.Equal(first.Arrivals().Take(100), second.Arrivals().Take(100));
    }

    [Fact]
    public void EveryIdStartsWithTheRunsId()
    {
        var plan = new CenterPlan(Options, "lg-1");

        Assert.All(plan.Departments.Select(d => d.Id).Concat(plan.Operators.Select(o => o.Id)), id => Assert.StartsWith("lg-1-", id, StringComparison.Ordinal));
        Assert.All(plan.Arrivals().Take(50), arrival => Assert.StartsWith("lg-1-", arrival.Key + arrival.CustomerId, StringComparison.Ordinal));
    }

    [Fact]
    public void OperatorsSpreadEvenlyAndEveryDepartmentHasASpecialist()
    {
        var plan = new CenterPlan(Options, "run");

        Assert.All(plan.Departments, department =>
        {
            var staff = plan.Operators.Where(o => o.Department == department.Id).ToList();
            Assert.Equal(10, staff.Count);
            Assert.Contains(staff, o => o.Line == "l2");
            Assert.True(staff.Count(o => o.Line == "l1") > staff.Count / 2);
        });
    }

    [Fact]
    public void ArrivalsComeAtTheRateAskedFor()
    {
        var arrivals = new CenterPlan(Options, "run").Arrivals().Take(5_000).ToList();

        var rate = arrivals.Count / arrivals[^1].Due.TotalSeconds;
        Assert.InRange(rate, 47.5, 52.5);
        Assert.Equal(arrivals.Count, arrivals.Select(arrival => arrival.Key).Distinct().Count());
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(pair => pair.First.Due <= pair.Second.Due));
    }

    [Fact]
    public void CustomersAreRatedByTheirKindAndStrangersAsOrdinary()
    {
        var plan = new CenterPlan(Options, "run");
        var ratings = Enumerable.Range(0, Options.Customers).Select(i => plan.RatingOf(plan.CustomerId(i))).ToList();

        Assert.Contains((5, 3), ratings);
        Assert.Contains((3, 1), ratings);
        Assert.Contains((3, 5), ratings);
        Assert.Equal((3, 3), plan.RatingOf("+15550100"));
    }
}
