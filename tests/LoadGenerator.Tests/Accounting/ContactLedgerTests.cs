using Helpdesk.LoadGenerator.Accounting;

namespace Helpdesk.LoadGenerator.Tests.Accounting;

public sealed class ContactLedgerTests
{
    [Fact]
    public void TheIdFollowsFromTheIdempotencyKeyAsTheReadmeShows() =>
        Assert.Equal("c-bc2f304246a47eb2a0d25819", ContactIds.For("call-0001"));

    [Fact]
    public void AllSettledOpensOnceTheArrivalsAreOverAndEveryContactIsClosedOrNeverCreated()
    {
        var ledger = new ContactLedger();
        var closed = ledger.Add(0, "k-0", "cust-1");
        var refused = ledger.Add(1, "k-1", "cust-2");
        closed.Acknowledge(closed.Id);
        closed.Advance(ClientStage.Accepted, "ann");
        closed.Advance(ClientStage.Proposed);
        ledger.Changed(closed);
        refused.GiveUp("no answer after 9 attempts");
        ledger.Changed(refused);
        Assert.False(ledger.AllSettled.IsCompleted);

        closed.Advance(ClientStage.Confirmed);
        ledger.Changed(closed);
        ledger.Changed(closed);
        Assert.False(ledger.AllSettled.IsCompleted, "The arrivals are not over yet.");
        Assert.Equal(0, ledger.Unsettled);

        ledger.ArrivalsOver();
        Assert.True(ledger.AllSettled.IsCompleted);
    }

    [Fact]
    public void AStageOnlyMovesForwardAndAClosedContactStaysClosed()
    {
        var record = new ContactRecord(0, "k-0", "cust-1");

        Assert.True(record.Advance(ClientStage.Proposed));
        Assert.False(record.Advance(ClientStage.Accepted, "ann"));
        Assert.True(record.Advance(ClientStage.Abandoned));
        Assert.False(record.Advance(ClientStage.Confirmed));
        Assert.Equal(ClientStage.Abandoned, record.Stage);
    }

    [Fact]
    public void AnOfferHeardBeforeTheCreationsAnswerKeepsBoth()
    {
        var record = new ContactRecord(0, "k-0", "cust-1");
        record.Advance(ClientStage.Accepted, "ann");
        record.Acknowledge(record.Id);

        Assert.Equal((Creation.Acknowledged, ClientStage.Accepted, "ann"), (record.Creation, record.Stage, record.AcceptedBy));
        Assert.False(record.IsSettled);
    }
}
