using Helpdesk.Grains.Routing;
using static Helpdesk.Grains.Tests.Routing.Build;

namespace Helpdesk.Grains.Tests.Routing;

/// <summary>Priority with aging: waited time plus a boost per priority level.</summary>
public sealed class QueueOrderTests
{
    [Fact]
    public void HigherPriorityIsServedFirstAtEqualAge()
    {
        var arrived = Now - TimeSpan.FromMinutes(1);

        var order = Serve(
            Contact("c1", priority: 1, arrivedAt: arrived),
            Contact("c2", priority: 5, arrivedAt: arrived),
            Contact("c3", priority: 3, arrivedAt: arrived));

        Assert.Equal(["c2", "c3", "c1"], order);
    }

    [Fact]
    public void NewUrgentContactGoesAheadOfALowPriorityContactThatHasNotWaitedLong()
    {
        var order = Serve(
            Contact("old", priority: 1, arrivedAt: Now - TimeSpan.FromSeconds(100)),
            Contact("new", priority: 5, arrivedAt: Now));

        Assert.Equal(["new", "old"], order);
    }

    [Fact]
    public void OldLowPriorityContactOvertakesANewUrgentOneAfterEnoughWaiting()
    {
        var order = Serve(
            Contact("old", priority: 1, arrivedAt: Now - TimeSpan.FromMinutes(10)),
            Contact("new", priority: 5, arrivedAt: Now - TimeSpan.FromMinutes(1)));

        Assert.Equal(["old", "new"], order);
    }

    [Fact]
    public void LowPriorityContactIsNeverStarvedByAStreamOfUrgentOnes()
    {
        var start = Now;
        var low = Contact("low", priority: 1, arrivedAt: start);
        var queue = new List<WaitingContact> { low };
        TimeSpan? servedAfter = null;

        for (var tick = 1; tick <= 100 && servedAfter is null; tick++)
        {
            var now = start + TimeSpan.FromSeconds(10 * tick);
            queue.Add(Contact($"urgent-{tick:000}", priority: 5, arrivedAt: now));
            var head = QueueOrder.InServingOrder(queue, now, RoutingPolicy.Default).First();
            queue.Remove(head);
            if (head == low)
            {
                servedAfter = now - start;
            }
        }

        Assert.Equal(TimeSpan.FromSeconds(120), servedAfter);
    }

    [Fact]
    public void EqualScoresAreServedInArrivalOrder()
    {
        var order = Serve(
            Contact("c1", priority: 3, arrivedAt: Now - TimeSpan.FromSeconds(30)),
            Contact("c2", priority: 2, arrivedAt: Now - TimeSpan.FromSeconds(60)));

        Assert.Equal(["c2", "c1"], order);
    }

    [Fact]
    public void IdenticalContactsAreServedInContactIdOrder()
    {
        var order = Serve(Contact("b"), Contact("c"), Contact("a"));

        Assert.Equal(["a", "b", "c"], order);
    }

    [Fact]
    public void ScoreIsTheWaitedSecondsPlusTheBoostOfEachPriorityLevel()
    {
        var contact = Contact(priority: 3, arrivedAt: Now - TimeSpan.FromSeconds(45));

        Assert.Equal(45 + (3 * 30), QueueOrder.Score(contact, Now, RoutingPolicy.Default), precision: 9);
    }

    [Fact]
    public void PriorityAgesFromArrivalNotFromEnteringTheDepartment()
    {
        var contact = Contact(priority: 1, arrivedAt: Now - TimeSpan.FromSeconds(100), enteredAt: Now - TimeSpan.FromSeconds(10));

        Assert.Equal(100 + 30, QueueOrder.Score(contact, Now, RoutingPolicy.Default), precision: 9);
    }

    [Fact]
    public void PriorityBoostFollowsThePolicy()
    {
        var policy = RoutingPolicy.Default with { PriorityBoost = TimeSpan.FromMinutes(10) };

        var order = QueueOrder.InServingOrder(
                [
                    Contact("old", priority: 1, arrivedAt: Now - TimeSpan.FromMinutes(10)),
                    Contact("new", priority: 5, arrivedAt: Now - TimeSpan.FromMinutes(1)),
                ],
                Now,
                policy)
            .Select(contact => contact.ContactId);

        Assert.Equal(["new", "old"], order);
    }

    private static string[] Serve(params WaitingContact[] queue) =>
        [.. QueueOrder.InServingOrder(queue, Now, RoutingPolicy.Default).Select(contact => contact.ContactId)];
}
