using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Tests.Accounting;

public sealed class ContactClassifierTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("confirmed", nameof(ContactClass.Closed))]
    [InlineData("abandoned", nameof(ContactClass.Abandoned))]
    [InlineData("queued", nameof(ContactClass.Queued))]
    [InlineData("offered", nameof(ContactClass.Offered))]
    [InlineData("in_progress", nameof(ContactClass.InProgress))]
    [InlineData("solution_proposed", nameof(ContactClass.AwaitingCustomer))]
    [InlineData("postponed", nameof(ContactClass.Other))]
    public void AContactFoundIsClassedByItsStatus(string status, string expected) =>
        Assert.Equal(Enum.Parse<ContactClass>(expected), ContactClassifier.Classify(Creation.Acknowledged, 200, Contact(status)));

    [Fact]
    public void AnAcknowledgedContactNotFoundIsMissing() =>
        Assert.Equal(ContactClass.Missing, ContactClassifier.Classify(Creation.Acknowledged, 404, null));

    [Theory]
    [InlineData(nameof(Creation.NotAcknowledged))]
    [InlineData(nameof(Creation.Pending))]
    public void AContactNeverAcknowledgedAndNotFoundWasNeverCreated(string creation) =>
        Assert.Equal(ContactClass.NeverCreated, ContactClassifier.Classify(Enum.Parse<Creation>(creation), 404, null));

    [Theory]
    [InlineData(0)]
    [InlineData(503)]
    public void AContactThatCannotBeReadIsUnverified(int status) =>
        Assert.Equal(ContactClass.Unverified, ContactClassifier.Classify(Creation.Acknowledged, status, null));

    [Fact]
    public void HandsOnOneAfterAnotherAreNoDoubleAssignment()
    {
        var contact = Contact("confirmed", ("offered", "router"), ("in_progress", "ann"), ("queued", "ann"), ("offered", "router"), ("in_progress", "bob"), ("solution_proposed", "bob"), ("confirmed", "cust-1"));

        Assert.Null(ContactClassifier.SecondHolder(contact));
    }

    [Fact]
    public void AnAcceptRepeatedByTheSameOperatorIsNoDoubleAssignment() =>
        Assert.Null(ContactClassifier.SecondHolder(Contact("in_progress", ("offered", "router"), ("in_progress", "ann"), ("in_progress", "ann"))));

    [Fact]
    public void ASecondOperatorTakingAHeldContactIsADoubleAssignment()
    {
        var second = ContactClassifier.SecondHolder(Contact("in_progress", ("offered", "router"), ("in_progress", "ann"), ("in_progress", "bob")));

        Assert.NotNull(second);
        Assert.Contains("with bob", second, StringComparison.Ordinal);
        Assert.Contains("while ann held it", second, StringComparison.Ordinal);
    }

    [Fact]
    public void AContactReofferedAfterItWentInProgressWasHandledTwice() =>
        Assert.True(ContactClassifier.HandledTwice(Contact("confirmed", ("offered", "router"), ("in_progress", "ann"), ("offered", "router"), ("in_progress", "ann"), ("solution_proposed", "ann"), ("confirmed", "cust-1"))));

    [Fact]
    public void AContactReopenedByItsCustomerIsWorkedAgainNotTwice() =>
        Assert.False(ContactClassifier.HandledTwice(Contact("confirmed", ("offered", "router"), ("in_progress", "ann"), ("solution_proposed", "ann"), ("rejected", "cust-1"), ("queued", "router"), ("offered", "router"), ("in_progress", "ann"), ("solution_proposed", "ann"), ("confirmed", "cust-1"))));

    [Fact]
    public void AContactHandledOnceWasNotHandledTwice() =>
        Assert.False(ContactClassifier.HandledTwice(Contact("confirmed", ("offered", "router"), ("queued", "router"), ("offered", "router"), ("in_progress", "bob"), ("solution_proposed", "bob"), ("confirmed", "cust-1"))));

    [Theory]
    [InlineData(nameof(ClientStage.Sent), null, "queued")]
    [InlineData(nameof(ClientStage.Accepted), "ann", "in_progress")]
    [InlineData(nameof(ClientStage.Proposed), "ann", "solution_proposed")]
    [InlineData(nameof(ClientStage.Proposed), "ann", "confirmed")]
    [InlineData(nameof(ClientStage.Confirmed), "ann", "confirmed")]
    [InlineData(nameof(ClientStage.Abandoned), null, "abandoned")]
    public void EveryAcknowledgedMoveShowsInTheContact(string stage, string? acceptedBy, string status) =>
        Assert.Null(ContactClassifier.LostAcknowledgement(Enum.Parse<ClientStage>(stage), acceptedBy, Contact(status, ("offered", "router"), ("in_progress", "ann"))));

    [Theory]
    [InlineData(nameof(ClientStage.Confirmed), "solution_proposed")]
    [InlineData(nameof(ClientStage.Abandoned), "queued")]
    [InlineData(nameof(ClientStage.Proposed), "in_progress")]
    public void AnAcknowledgedMoveTheContactDoesNotShowWasLost(string stage, string status) =>
        Assert.Contains($"but is {status.Replace('_', ' ')}", ContactClassifier.LostAcknowledgement(Enum.Parse<ClientStage>(stage), "ann", Contact(status)), StringComparison.Ordinal);

    [Fact]
    public void AnAcceptByAnOperatorMissingFromTheHistoryWasLost() =>
        Assert.NotNull(ContactClassifier.LostAcknowledgement(ClientStage.Accepted, "bob", Contact("in_progress", ("offered", "router"), ("in_progress", "ann"))));

    private static ContactView Contact(string status, params (string Status, string By)[] history) =>
        new("c-1", status, null, [.. history.Select((change, i) => new StatusChangeView(change.Status, Noon.AddSeconds(i), change.By, null))]);
}
