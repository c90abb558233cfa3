using Helpdesk.Grains.Balancing;

namespace Helpdesk.Grains.Tests.Balancing;

public sealed class RebalancerTests
{
    private static readonly BalancerPolicy Policy = BalancerPolicy.Default;
    private static readonly BalancerPolicy Unlimited = Policy with { MaxMovesPerRound = 100 };

    [Fact]
    public void NothingIsProposedWhenEveryDepartmentKeepsItsTarget()
    {
        IReadOnlyList<DepartmentPicture> center =
        [
            Center.Department("support", 8, queue: 1),
            Center.Department("sales", 10),
            Center.Department("claims", 8),
            Center.Department("billing", 6),
        ];

        Assert.Empty(Rebalancer.Plan(center, Center.Now, Policy));
    }

    [Fact]
    public void ADepartmentBelowTargetWithoutAQueueBorrowsNoOne()
    {
        var center = Center.Surge().Reloaded("support", 16, queue: 0, growing: false);

        Assert.Empty(Rebalancer.Plan(center, Center.Now, Policy));
    }

    [Fact]
    public void ASwampedDepartmentBorrowsFirstFromTheDepartmentWithTheMostSpareTime()
    {
        var first = Rebalancer.Plan(Center.Surge(), Center.Now, Policy)[0];

        Assert.Equal(BalancerProposalKind.Lend, first.Kind);
        Assert.Equal("lend:billing-01:billing->support", first.Id);
        Assert.Equal(("billing-01", "billing", "support", null), (first.OperatorId, first.From, first.To, first.InReturnFor));
        Assert.Equal("support forecasts 29% within 20 s with 9 waiting and the queue growing; billing's own would be 50% occupied at its steady rate", first.Reason);
        Assert.True(first.Predicted.Gain > 0, $"A gain of {first.Predicted.Gain:P1}.");
        Assert.True(first.Predicted.ToAfter.ServiceLevel > first.Predicted.ToBefore.ServiceLevel);
        var withoutBilling = Rebalancer.Plan([.. Center.Surge().Where(department => department.Id != "billing")], Center.Now, Policy)[0];
        Assert.Equal("claims", withoutBilling.From);
    }

    [Fact]
    public void ADepartmentHoldingAReserveLendsOneOfItsOwnBackInReturn()
    {
        var proposals = Rebalancer.Plan(Center.Surge(), Center.Now, Policy);

        Assert.Equal(Policy.MaxMovesPerRound, proposals.Count);
        Assert.Equal(
            [("billing-01", "billing", "support", null), ("support-01", "support", "billing", "billing-01"), ("billing-02", "billing", "support", null)],
            proposals.Select(proposal => (proposal.OperatorId, proposal.From, proposal.To, proposal.InReturnFor)));
        Assert.Equal("in return for billing-01: takes billing's contacts whenever none of support's wait", proposals[1].Reason);
    }

    [Fact]
    public void AReserveInReturnGoesHomeWithTheReserveTheyAnswerAndNotBefore()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var exchanged = Center.Surge()
            .Reserve("billing-01", "support", lentLongAgo)
            .Reserve("support-01", "billing", lentLongAgo, inReturnFor: "billing-01");
        var swampedHome = exchanged.Reloaded("support", 20, queue: 9, growing: true);
        var answeredGone = Center.Surge().Reserve("support-01", "billing", lentLongAgo, inReturnFor: "billing-01");

        Assert.DoesNotContain(Rebalancer.Plan(swampedHome, Center.Now, Unlimited), proposal => proposal.Kind == BalancerProposalKind.Return);
        var back = Rebalancer.Plan(answeredGone, Center.Now, Policy)[0];
        Assert.Equal("return:support-01:billing->support", back.Id);
        Assert.Equal("billing-01, whom they were lent in return for, no longer serves support, their home", back.Reason);
    }

    [Fact]
    public void AReserveGoesBackOnceTheBorrowerNoLongerNeedsThemAndTheReserveInReturnFollows()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var calm = Center.Surge()
            .Reserve("billing-01", "support", lentLongAgo)
            .Reserve("support-01", "billing", lentLongAgo, inReturnFor: "billing-01")
            .Reloaded("support", 7);

        var proposals = Rebalancer.Plan(calm, Center.Now, Policy);

        Assert.Equal(["return:billing-01:support->billing", "return:support-01:billing->support"], proposals.Select(proposal => proposal.Id));
    }

    [Fact]
    public void AnExchangeEndsOnlyOnceBothDepartmentsDoWithoutTheirHalf()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var exchanged = Center.Surge()
            .Reserve("billing-01", "support", lentLongAgo)
            .Reserve("support-01", "billing", lentLongAgo, inReturnFor: "billing-01")
            .Reloaded("support", 7);
        var lenderBusy = exchanged.Reloaded("billing", 6, queue: 1);

        var proposals = Rebalancer.Plan(exchanged, Center.Now, Policy);

        Assert.DoesNotContain(Rebalancer.Plan(lenderBusy, Center.Now, Unlimited), proposal => proposal.Kind == BalancerProposalKind.Return);
        Assert.Equal("support forecasts 97% within 20 s without them and has no queue; billing is their home and forecasts 99% without support-01, lent to it in return", proposals[0].Reason);
    }

    [Fact]
    public void ARoundProposesAtMostMaxMovesPerRound()
    {
        var proposals = Rebalancer.Plan(Center.Surge(), Center.Now, Policy with { MaxMovesPerRound = 2 });

        Assert.Equal(2, proposals.Count);
        Assert.Equal(proposals.Count, proposals.Select(proposal => proposal.OperatorId).Distinct().Count());
    }

    [Fact]
    public void EachMoveOfARoundIsForecastOnTheCenterTheMovesBeforeItLeft()
    {
        var proposals = Lends(Rebalancer.Plan(Center.Surge(), Center.Now, Unlimited));

        Assert.True(proposals.Count > 3, $"{proposals.Count} moves.");
        for (var i = 1; i < proposals.Count; i++)
        {
            Assert.Equal(proposals[i - 1].Predicted.ToAfter, proposals[i].Predicted.ToBefore);
        }

        var fromBilling = proposals.Where(proposal => proposal.From == "billing").ToList();
        for (var i = 1; i < fromBilling.Count; i++)
        {
            Assert.Equal(fromBilling[i - 1].Predicted.FromAfter, fromBilling[i].Predicted.FromBefore);
        }
    }

    [Fact]
    public void OnlyADepartmentWhoseOwnWouldBeUnderloadedAtItsSteadyRateLends()
    {
        var withoutBilling = Center.Surge().Where(department => department.Id != "billing").ToList();
        var proposals = Lends(Rebalancer.Plan(withoutBilling, Center.Now, Unlimited with { MaxShareLent = 1, MinStaff = 1 }));
        var spiking = Center.Surge().Select(department => department.Id == "billing"
            ? department with { Load = department.Load with { SteadyArrivalsPerSecond = 10 / 300.0 } }
            : department).ToList();

        Assert.NotEmpty(proposals);
        Assert.All(proposals, proposal => Assert.Equal("claims", proposal.From));
        Assert.DoesNotContain(Rebalancer.Plan(spiking, Center.Now, Unlimited), proposal => proposal.From == "billing" && proposal.InReturnFor is null);
    }

    [Fact]
    public void ADepartmentThatKeepsItsTargetBorrowsNoOneThoughContactsWait()
    {
        var atTarget = Center.Surge().Reloaded("support", 9.5, queue: 3);
        var belowTarget = Center.Surge().Reloaded("support", 10.5, queue: 3);

        Assert.True(Forecast(atTarget, "support") >= Policy.TargetServiceLevel);
        Assert.True(Forecast(belowTarget, "support") < Policy.TargetServiceLevel);
        Assert.Empty(Rebalancer.Plan(atTarget, Center.Now, Policy));
        Assert.Equal("support", Rebalancer.Plan(belowTarget, Center.Now, Policy)[0].To);
    }

    [Fact]
    public void TheLendThatGainsMostIsChosenFirst()
    {
        var both = Center.Surge().Reloaded("sales", 11, queue: 3);
        var supportAlone = Rebalancer.Plan(Center.Surge(), Center.Now, Policy)[0];
        var salesAlone = Rebalancer.Plan(both.Reloaded("support", 16), Center.Now, Policy)[0];

        var first = Rebalancer.Plan(both, Center.Now, Policy)[0];

        Assert.Equal(("support", "sales"), (supportAlone.To, salesAlone.To));
        Assert.Equal(Math.Max(supportAlone.Predicted.Gain, salesAlone.Predicted.Gain), first.Predicted.Gain);
        Assert.Equal(supportAlone.Predicted.Gain > salesAlone.Predicted.Gain ? "support" : "sales", first.To);
    }

    [Fact]
    public void ASecondDepartmentShortOfStaffIsHelpedOnceTheFirstGainsLessFromOneMore()
    {
        var center = Center.Surge().Reloaded("sales", 11, queue: 3);

        var proposals = Lends(Rebalancer.Plan(center, Center.Now, Unlimited));

        Assert.Equal(["sales", "support"], proposals.Select(proposal => proposal.To).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALenderNeverGoesBelowTheMinimumStaffAtWork()
    {
        IReadOnlyList<DepartmentPicture> center =
        [
            Center.Department("support", 16, queue: 9, growing: true),
            Center.Department("sales", 10),
            Center.Department("billing", 0.1, atWork: 3),
        ];

        var proposals = Lends(Rebalancer.Plan(center, Center.Now, Unlimited));

        Assert.Equal("billing-01", Assert.Single(proposals).OperatorId);
    }

    [Fact]
    public void ALenderAtTheMinimumStaffLendsNoOne()
    {
        IReadOnlyList<DepartmentPicture> center =
        [
            Center.Department("support", 16, queue: 9, growing: true),
            Center.Department("billing", 0.1, atWork: 2),
        ];

        Assert.Empty(Rebalancer.Plan(center, Center.Now, Policy));
        Assert.Single(Lends(Rebalancer.Plan(center, Center.Now, Policy with { MinStaff = 1 })));
    }

    [Fact]
    public void NoMoreThanTheMaxShareOfADepartmentsOwnOperatorsIsAwayAtOnce()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var center = Center.Surge()
            .Reloaded("billing", 3)
            .Lent("billing-01", "support", lentLongAgo)
            .Lent("billing-02", "support", lentLongAgo)
            .Lent("billing-03", "support", lentLongAgo)
            .Lent("billing-04", "support", lentLongAgo);

        var capped = Lends(Rebalancer.Plan(center, Center.Now, Policy with { MaxShareLent = 0.34 }));
        var uncapped = Lends(Rebalancer.Plan(center, Center.Now, Policy with { MaxShareLent = 0.5 }));

        Assert.NotEmpty(capped);
        Assert.All(capped, proposal => Assert.Equal(("claims", "support"), (proposal.From, proposal.To)));
        Assert.Equal(("billing", "support"), (uncapped[0].From, uncapped[0].To));
    }

    [Fact]
    public void AnOperatorAwayOnLoanButStillListedByTheirHomeCountsOnlyWhereTheyServe()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var lent = Center.Surge()
            .Reloaded("billing", 3)
            .Lent("billing-01", "support", lentLongAgo)
            .Lent("billing-02", "support", lentLongAgo)
            .Lent("billing-03", "support", lentLongAgo)
            .Lent("billing-04", "support", lentLongAgo);
        var away = lent.Single(department => department.Id == "support").Members.Where(member => member.Loan is not null).ToList();
        var listedTwice = lent.Select(department => department.Id == "billing" ? department with { Members = [.. department.Members, .. away] } : department).ToList();

        Assert.Equal(Rebalancer.Plan(lent, Center.Now, Policy), Rebalancer.Plan(listedTwice, Center.Now, Policy));
    }

    [Fact]
    public void ARoundLendsNoMoreThanTheMaxShareEvenWhenItCouldMoveMore()
    {
        var center = Center.Surge().Reloaded("billing", 1).Reloaded("claims", 10);

        var proposals = Lends(Rebalancer.Plan(center, Center.Now, Unlimited with { MaxShareLent = 0.34 }));

        Assert.Equal(["billing"], proposals.Select(proposal => proposal.From).Distinct());
        Assert.Equal(4, proposals.Count);
    }

    [Fact]
    public void AnOperatorMovedWithinTheCooldownIsNotMovedAgain()
    {
        var justMoved = Center.Surge().MovedAt("billing-01", Center.Now - Policy.Cooldown + TimeSpan.FromSeconds(1));
        var cooledDown = Center.Surge().MovedAt("billing-01", Center.Now - Policy.Cooldown);

        Assert.DoesNotContain(Rebalancer.Plan(justMoved, Center.Now, Unlimited), proposal => proposal.OperatorId == "billing-01");
        Assert.Equal("billing-01", Rebalancer.Plan(cooledDown, Center.Now, Policy)[0].OperatorId);
    }

    [Fact]
    public void OnlyOperatorsHavingTheBorrowersRequiredSkillsAreLent()
    {
        var english = new Dictionary<string, int> { ["english"] = 4 };
        IReadOnlyList<DepartmentPicture> center =
        [
            Center.Department("support", 16, queue: 9, growing: true, required: ["english"]),
            Center.Department("sales", 10),
            Center.Department("claims", 8, skills: english),
            Center.Department("billing", 6),
        ];

        var proposals = Lends(Rebalancer.Plan(center, Center.Now, Policy));

        Assert.NotEmpty(proposals);
        Assert.All(proposals, proposal => Assert.Equal("claims", proposal.From));
    }

    [Fact]
    public void OnlyOperatorsAtWorkAreLent()
    {
        var center = Center.Surge().Select(department => department.Id == "billing"
            ? department with { Members = [.. department.Members.Select(member => member with { AtWork = member.OperatorId != "billing-01" })], Load = department.Load with { Agents = 11 } }
            : department).ToList();

        Assert.Equal("billing-02", Rebalancer.Plan(center, Center.Now, Policy)[0].OperatorId);
    }

    [Fact]
    public void ALentOperatorIsNotLentOnwardByTheDepartmentTheyServe()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var center = Center.Surge().Lent("billing-01", "claims", lentLongAgo);

        var proposals = Rebalancer.Plan(center, Center.Now, Unlimited);

        Assert.DoesNotContain(proposals, proposal => proposal is { OperatorId: "billing-01", Kind: BalancerProposalKind.Lend });
        Assert.Contains(proposals, proposal => proposal.From == "claims");
    }

    [Fact]
    public void ALentOperatorStaysWhileTheBorrowerWouldBeOnlyJustAboveTargetWithoutThem()
    {
        var center = Center.Surge().Lent("billing-01", "support", Center.Now.AddHours(-1)).Reloaded("support", 9);

        Assert.Empty(Rebalancer.Plan(center, Center.Now, Policy));
    }

    [Fact]
    public void ALentOperatorGoesBackOnceTheBorrowerIsWellAboveTargetWithoutThem()
    {
        var center = Center.Surge().Lent("billing-01", "support", Center.Now.AddHours(-1)).Reloaded("support", 7);

        var proposal = Assert.Single(Rebalancer.Plan(center, Center.Now, Policy));

        Assert.Equal(BalancerProposalKind.Return, proposal.Kind);
        Assert.Equal("return:billing-01:support->billing", proposal.Id);
        Assert.Equal(("support", "billing"), (proposal.From, proposal.To));
        Assert.Equal("support forecasts 97% within 20 s without them and has no queue; billing is their home", proposal.Reason);
    }

    [Fact]
    public void ALentOperatorStaysWhileContactsWaitInTheBorrower()
    {
        var center = Center.Surge().Lent("billing-01", "support", Center.Now.AddHours(-1)).Reloaded("support", 7, queue: 1);

        Assert.Empty(Rebalancer.Plan(center, Center.Now, Policy));
    }

    [Fact]
    public void TheRoundAfterALendProposesNoReturnWhileTheLoadsStayTheSame()
    {
        var first = Rebalancer.Plan(Center.Surge(), Center.Now, Unlimited);
        var later = Center.Now + TimeSpan.FromMinutes(10);

        var second = Rebalancer.Plan(Center.Surge().After(first, Center.Now), later, Unlimited);

        Assert.NotEmpty(first);
        Assert.DoesNotContain(second, proposal => proposal.Kind == BalancerProposalKind.Return);
        Assert.Empty(second);
    }

    [Fact]
    public void ALentOperatorGoesBackWhenTheirHomeFallsABandBelowTarget()
    {
        var lent = Center.Surge().Lent("billing-01", "support", Center.Now.AddHours(-1));
        var withinBand = lent.Reloaded("billing", 10, queue: 2);
        var pastBand = lent.Reloaded("billing", 11, queue: 2);

        var proposals = Rebalancer.Plan(pastBand, Center.Now, Policy);

        Assert.InRange(Forecast(withinBand, "billing"), Policy.TargetServiceLevel - Policy.Band, Policy.TargetServiceLevel);
        Assert.DoesNotContain(Rebalancer.Plan(withinBand, Center.Now, Policy), proposal => proposal.Kind == BalancerProposalKind.Return);
        Assert.Equal("return:billing-01:support->billing", proposals[0].Id);
        Assert.Equal("billing, their home, forecasts 61% within 20 s with 2 waiting; support forecasts 37% with them", proposals[0].Reason);
    }

    [Fact]
    public void AHomeInNeedWaitsOutTheCooldownOfItsLentOperator()
    {
        var center = Center.Surge()
            .Lent("billing-01", "support", Center.Now.AddMinutes(-1))
            .Reloaded("support", 9)
            .Reloaded("billing", 10, queue: 2);

        var proposals = Rebalancer.Plan(center, Center.Now, Policy);

        Assert.DoesNotContain(proposals, proposal => proposal.Kind == BalancerProposalKind.Return);
        Assert.Equal(("claims", "billing"), (proposals[0].From, proposals[0].To));
    }

    [Fact]
    public void AnOperatorWhoseHomeNeedsThemGoesBackBeforeOneMerelyNoLongerNeeded()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var center = Center.Surge()
            .Lent("billing-01", "support", lentLongAgo)
            .Lent("claims-01", "support", lentLongAgo)
            .Reloaded("support", 7)
            .Reloaded("claims", 11, queue: 2);

        var proposals = Rebalancer.Plan(center, Center.Now, Policy with { MaxMovesPerRound = 1 });

        Assert.Equal("return:claims-01:support->claims", Assert.Single(proposals).Id);
    }

    [Fact]
    public void OperatorsNoLongerNeededGoBackInTheOrderTheyWereLent()
    {
        var center = Center.Surge()
            .Lent("claims-01", "support", Center.Now.AddHours(-2))
            .Lent("billing-01", "support", Center.Now.AddHours(-1))
            .Reloaded("support", 7);

        var proposals = Rebalancer.Plan(center, Center.Now, Policy with { MaxMovesPerRound = 1 });

        Assert.Equal("return:claims-01:support->claims", Assert.Single(proposals).Id);
    }

    [Fact]
    public void ReturnsComeBeforeLendsAndCountTowardTheMovesOfARound()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var center = Center.Surge()
            .Lent("billing-01", "support", lentLongAgo)
            .Lent("billing-02", "support", lentLongAgo)
            .Reloaded("billing", 11, queue: 2);

        var proposals = Rebalancer.Plan(center, Center.Now, Policy);

        Assert.Equal(
            [BalancerProposalKind.Return, BalancerProposalKind.Return, BalancerProposalKind.Lend],
            proposals.Select(proposal => proposal.Kind));
    }

    [Fact]
    public void TheSameCenterGivesTheSameProposalsWhateverTheOrderItIsListedIn()
    {
        var center = Center.Surge().Lent("claims-05", "support", Center.Now.AddHours(-1));
        var shuffled = center.Reverse().Select(department => department with { Members = [.. department.Members.Reverse()] }).ToList();

        var proposals = Rebalancer.Plan(center, Center.Now, Unlimited);

        Assert.NotEmpty(proposals);
        Assert.Equal(proposals, Rebalancer.Plan(shuffled, Center.Now, Unlimited));
        Assert.Equal(proposals, Rebalancer.Plan(center, Center.Now, Unlimited));
    }

    [Fact]
    public void TheBalancerLendsReservesWhoseHomePlansOnLosingPartOfTheirSpareTime()
    {
        var lend = Rebalancer.Plan(Center.Surge(), Center.Now, Policy)[0];
        var free = Rebalancer.Plan(Center.Surge(), Center.Now, Policy with { ReserveCost = 0 })[0];

        Assert.Equal(BalancerProposalKind.Lend, lend.Kind);
        Assert.True(lend.Predicted.FromAfter.ServiceLevel < lend.Predicted.FromBefore.ServiceLevel, "The lender plans on a cost.");
        Assert.Equal(free.Predicted.FromBefore, free.Predicted.FromAfter);
        Assert.True(lend.Predicted.ToAfter.OfferedLoad > lend.Predicted.ToBefore.OfferedLoad, "The reserve brings their home's work into the borrower's pool.");
    }

    [Fact]
    public void AReserveStillServesTheirHomeAndHelpsTheBorrowerInPart()
    {
        var lentLongAgo = Center.Now.AddHours(-1);
        var reserved = Center.Surge().Reserve("billing-01", "support", lentLongAgo);
        var moved = Center.Surge().Lent("billing-01", "support", lentLongAgo);

        var withReserve = Lends(Rebalancer.Plan(reserved, Center.Now, Policy))[0];
        var withMove = Lends(Rebalancer.Plan(moved, Center.Now, Policy))[0];
        var withNone = Lends(Rebalancer.Plan(Center.Surge(), Center.Now, Policy))[0];

        Assert.All(new[] { withReserve, withMove, withNone }, proposal => Assert.Equal(("billing", "support"), (proposal.From, proposal.To)));
        Assert.NotEqual("billing-01", withReserve.OperatorId);
        Assert.InRange(withReserve.Predicted.ToBefore.ServiceLevel, withNone.Predicted.ToBefore.ServiceLevel + 0.01, withMove.Predicted.ToBefore.ServiceLevel - 0.01);
        Assert.True(withReserve.Predicted.FromBefore.ServiceLevel > withMove.Predicted.FromBefore.ServiceLevel, "Billing keeps part of its reserve.");
    }

    [Fact]
    public void AReserveGoesBackWhenTheirHomeAtItsSteadyRateFallsABandBelowTargetWithContactsWaiting()
    {
        var reserved = Center.Surge().Reserve("billing-01", "support", Center.Now.AddHours(-1));
        var swamped = reserved.Reloaded("billing", 12, queue: 2);
        var spike = swamped.Select(department => department.Id == "billing"
            ? department with { Load = department.Load with { SteadyArrivalsPerSecond = 6 / 300.0 } }
            : department).ToList();

        Assert.Equal("return:billing-01:support->billing", Rebalancer.Plan(swamped, Center.Now, Policy)[0].Id);
        Assert.DoesNotContain(Rebalancer.Plan(spike, Center.Now, Policy), proposal => proposal.Kind == BalancerProposalKind.Return);
    }

    /// <summary>The forecast service level of <paramref name="id"/>'s own operators at its steady rate, as a home sees it.</summary>
    private static double Forecast(IReadOnlyList<DepartmentPicture> center, string id)
    {
        var department = center.Single(department => department.Id == id);
        var own = department.Members.Count(member => member.AtWork && member.HomeDepartment == id && member.Loan is null);
        return department.Load.Steady.ForecastAt(own).ServiceLevel;
    }

    /// <summary>The lends of a round but those in return.</summary>
    private static List<BalancerProposal> Lends(IEnumerable<BalancerProposal> proposals) =>
        [.. proposals.Where(proposal => proposal is { Kind: BalancerProposalKind.Lend, InReturnFor: null })];

    [Fact]
    public void PlanningWithAPolicyThatHasAProblemThrows()
    {
        var error = Assert.Throws<ArgumentException>(() => Rebalancer.Plan(Center.Surge(), Center.Now, Policy with { MaxMovesPerRound = 0 }));

        Assert.Contains("MaxMovesPerRound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADepartmentPicturedTwiceIsRejected()
    {
        IReadOnlyList<DepartmentPicture> center = [.. Center.Surge(), Center.Department("billing", 6)];

        Assert.Throws<ArgumentException>(() => Rebalancer.Plan(center, Center.Now, Policy));
    }
}
