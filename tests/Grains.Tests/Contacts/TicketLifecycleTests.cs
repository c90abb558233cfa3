using Helpdesk.Grains.Contacts;

namespace Helpdesk.Grains.Tests.Contacts;

public sealed class TicketLifecycleTests
{
    private static readonly ContactStatus[] Statuses = Enum.GetValues<ContactStatus>();
    private static readonly TicketActor[] Actors = Enum.GetValues<TicketActor>();

    [Fact]
    public void OnlyTheCustomerClosesATicketAndOnlyFromAProposedSolution()
    {
        var closers = Statuses.SelectMany(from => Actors.Where(by => TicketLifecycle.IsAllowed(from, ContactStatus.Confirmed, by)).Select(by => (from, by)));

        Assert.Equal([(ContactStatus.SolutionProposed, TicketActor.Customer)], closers);
    }

    [Theory]
    [InlineData(ContactStatus.Confirmed)]
    [InlineData(ContactStatus.Abandoned)]
    public void AClosedTicketNeverMovesAgain(ContactStatus closed)
    {
        Assert.All(Actors, by => Assert.Empty(TicketLifecycle.Allowed(closed, by)));
        Assert.True(TicketLifecycle.IsClosed(closed));
    }

    [Fact]
    public void OnlyAConfirmedOrAbandonedTicketIsClosed() =>
        Assert.Equal([ContactStatus.Confirmed, ContactStatus.Abandoned], Statuses.Where(TicketLifecycle.IsClosed));

    [Fact]
    public void OnlyTheCustomerGivesUpAndOnlyBeforeAnAnswer()
    {
        var quitters = Statuses.SelectMany(from => Actors.Where(by => TicketLifecycle.IsAllowed(from, ContactStatus.Abandoned, by)).Select(by => (from, by)));

        Assert.Equal([(ContactStatus.Queued, TicketActor.Customer), (ContactStatus.Offered, TicketActor.Customer)], quitters);
    }

    [Fact]
    public void EveryOpenStatusHasAWayForward()
    {
        Assert.All(
            Statuses.Where(status => !TicketLifecycle.IsClosed(status)),
            status => Assert.NotEmpty(Actors.SelectMany(by => TicketLifecycle.Allowed(status, by))));
    }

    [Theory]
    [InlineData(ContactStatus.Rejected)]
    [InlineData(ContactStatus.Escalated)]
    public void RejectedAndEscalatedArePassingStatusesTheRouterQueuesAgain(ContactStatus passing)
    {
        Assert.Equal([ContactStatus.Queued], TicketLifecycle.Allowed(passing, TicketActor.Router));
        Assert.Empty(TicketLifecycle.Allowed(passing, TicketActor.Operator));
        Assert.Empty(TicketLifecycle.Allowed(passing, TicketActor.Customer));
    }

    [Fact]
    public void TheOperatorParksATicketOnlyWhileHandlingIt()
    {
        ContactStatus[] parked = [ContactStatus.WaitingForCustomer, ContactStatus.Postponed, ContactStatus.InDevelopment, ContactStatus.SolutionProposed];
        var from = Statuses.Where(status => parked.Any(to => TicketLifecycle.IsAllowed(status, to, TicketActor.Operator)));

        Assert.Equal([ContactStatus.InProgress], from);
    }

    [Fact]
    public void TheCustomerDecidesAProposedSolutionAndAnswersAWaitForData()
    {
        Assert.Equal([ContactStatus.Confirmed, ContactStatus.Rejected], TicketLifecycle.Allowed(ContactStatus.SolutionProposed, TicketActor.Customer));
        Assert.Equal([ContactStatus.Queued], TicketLifecycle.Allowed(ContactStatus.WaitingForCustomer, TicketActor.Customer));
        Assert.Empty(TicketLifecycle.Allowed(ContactStatus.SolutionProposed, TicketActor.Operator));
        Assert.All(
            [ContactStatus.InProgress, ContactStatus.Postponed, ContactStatus.InDevelopment],
            status => Assert.Empty(TicketLifecycle.Allowed(status, TicketActor.Customer)));
    }

    [Fact]
    public void APostponedTicketOrOneInDevelopmentComesBackByTheRouterOrItsOperatorNeverTheCustomer()
    {
        Assert.All(
            [ContactStatus.Postponed, ContactStatus.InDevelopment],
            status =>
            {
                Assert.True(TicketLifecycle.IsAllowed(status, ContactStatus.Queued, TicketActor.Router));
                Assert.True(TicketLifecycle.IsAllowed(status, ContactStatus.Queued, TicketActor.Operator));
                Assert.False(TicketLifecycle.IsAllowed(status, ContactStatus.Queued, TicketActor.Customer));
            });
    }

    [Fact]
    public void AnOperatorHoldsCapacityOnlyWhileOfferedOrHandling() =>
        Assert.Equal([ContactStatus.Offered, ContactStatus.InProgress], Statuses.Where(TicketLifecycle.HoldsOperator));
}
