using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Tests.Accounting;

public sealed class HoldCheckTests
{
    [Fact]
    public void AContactHeldByTwoOperatorsIsShared()
    {
        var shared = HoldCheck.SharedHolds([Operator("ann", "c-1", "c-2"), Operator("bob", "c-2"), Operator("carl", "c-3")]);

        var (contactId, holders) = Assert.Single(shared);
        Assert.Equal("c-2", contactId);
        Assert.Equal(["ann", "bob"], holders);
    }

    [Fact]
    public void HoldsOfDifferentContactsAreNotShared() =>
        Assert.Empty(HoldCheck.SharedHolds([Operator("ann", "c-1"), Operator("bob", "c-2"), Operator("carl")]));

    [Theory]
    [InlineData("offered", "ann", true)]
    [InlineData("in_progress", "ann", true)]
    [InlineData("in_progress", "bob", false)]
    [InlineData("solution_proposed", null, false)]
    [InlineData("queued", null, false)]
    public void AHoldAgreesWithAContactOfferedToOrHandledByItsOperator(string status, string? operatorId, bool agrees) =>
        Assert.Equal(agrees, HoldCheck.Agrees(new ContactView("c-1", status, operatorId, []), "ann"));

    [Theory]
    [InlineData("in_progress", null, true)]
    [InlineData("offered", "", true)]
    [InlineData("in_progress", "ann", false)]
    [InlineData("queued", null, false)]
    public void AContactInProgressWithNoOperatorIsHeldByNobody(string status, string? operatorId, bool nobody) =>
        Assert.Equal(nobody, HoldCheck.HeldByNobody(new ContactView("c-1", status, operatorId, [])));

    private static OperatorView Operator(string id, params string[] contacts) =>
        new(id, "available", [.. contacts.Select(contactId => new HeldContactView(new OfferView(contactId, "cust", "d1", "phone", DateTimeOffset.UnixEpoch), Accepted: true))]);
}
