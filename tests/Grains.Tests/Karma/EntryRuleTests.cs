using Helpdesk.Grains.Karma;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Karma;

/// <summary>Entry by karma: a technically literate customer skips the first line.</summary>
public sealed class EntryRuleTests
{
    private static readonly CustomerKarma Literate = new(new KarmaScore(4.5, 0.8), KarmaScore.Unknown, 6);

    [Fact]
    public void LiterateCustomerOnThePhoneIsOfferedAnOperatorRightAwayAtTheSecondLine()
    {
        var decision = EntryRule.Decide(Literate, Channel.Phone, "billing", KarmaPolicy.Default);

        Assert.True(decision.OperatorRightAway);
        Assert.True(decision.SkipFirstLine);
        Assert.Equal(Line.L2, decision.Line);
        Assert.Equal("billing", decision.Department);
        Assert.Equal("literacy 4.50 (confidence 0.80) skips the first line: to the specialists of billing", decision.Reason);
    }

    [Fact]
    public void LiterateCustomerOnTheWebSkipsTheFirstLineToTheChosenDepartment()
    {
        var decision = EntryRule.Decide(Literate, Channel.Web, "network", KarmaPolicy.Default);

        Assert.False(decision.OperatorRightAway);
        Assert.True(decision.SkipFirstLine);
        Assert.Equal("network", decision.Department);
        Assert.Equal(Line.L2, decision.Line);
        Assert.EndsWith("to the specialists of network", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel.Chat)]
    [InlineData(Channel.Email)]
    public void OperatorRightAwayIsOfferedOnlyOnThePhone(Channel channel)
    {
        var decision = EntryRule.Decide(Literate, channel, "billing", KarmaPolicy.Default);

        Assert.False(decision.OperatorRightAway);
        Assert.True(decision.SkipFirstLine);
    }

    [Fact]
    public void LiterateCustomerWhoChoseNoDepartmentGoesToTheSpecialists()
    {
        var decision = EntryRule.Decide(Literate, Channel.Phone, null, KarmaPolicy.Default);

        Assert.Null(decision.Department);
        Assert.Equal(Line.L2, decision.Line);
        Assert.EndsWith("skips the first line: to the specialists", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerBelowTheLiteracyThresholdStartsAtTheFirstLineAndTheReasonSaysSo()
    {
        var karma = new CustomerKarma(new KarmaScore(3.5, 0.9), KarmaScore.Unknown, 12);

        var decision = EntryRule.Decide(karma, Channel.Phone, "billing", KarmaPolicy.Default);

        Assert.Equal(new EntryDecision(false, false, "billing", Line.L1, "literacy 3.50 below 4.00: first line"), decision);
    }

    [Fact]
    public void LiterateCustomerKnownWithTooLittleConfidenceStartsAtTheFirstLineAndTheReasonSaysSo()
    {
        var karma = new CustomerKarma(new KarmaScore(4.8, 0.3), KarmaScore.Unknown, 1);

        var decision = EntryRule.Decide(karma, Channel.Phone, "billing", KarmaPolicy.Default);

        Assert.False(decision.OperatorRightAway);
        Assert.False(decision.SkipFirstLine);
        Assert.Equal(Line.L1, decision.Line);
        Assert.Equal("literacy not known well enough (confidence 0.30 < 0.50): first line", decision.Reason);
    }

    [Fact]
    public void CustomerKnownWithJustEnoughConfidenceIsJudgedByTheScore()
    {
        var karma = new CustomerKarma(new KarmaScore(3.5, KarmaPolicy.Default.MinConfidence), KarmaScore.Unknown, 2);

        var decision = EntryRule.Decide(karma, Channel.Phone, null, KarmaPolicy.Default);

        Assert.Equal(Line.L1, decision.Line);
        Assert.Equal("literacy 3.50 below 4.00: first line", decision.Reason);
    }

    [Fact]
    public void UnknownCustomerStartsAtTheFirstLine()
    {
        var decision = EntryRule.Decide(CustomerKarma.Unknown, Channel.Web, null, KarmaPolicy.Default);

        Assert.Equal(Line.L1, decision.Line);
        Assert.False(decision.SkipFirstLine);
        Assert.Contains("confidence 0.00 < 0.50", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerRatedExpertBySeniorsSkipsTheFirstLine()
    {
        var now = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var karma = KarmaCalculator.Of(
            [
                new Rating("senior", "c1", Line.L3, 1, Literacy: 5, Temperament: 3, now - TimeSpan.FromDays(10)),
                new Rating("specialist", "c2", Line.L2, 1, Literacy: 5, Temperament: 3, now - TimeSpan.FromDays(2)),
            ],
            now,
            KarmaPolicy.Default);

        var decision = EntryRule.Decide(karma, Channel.Phone, "network", KarmaPolicy.Default);

        Assert.True(decision.SkipFirstLine);
        Assert.True(decision.OperatorRightAway);
        Assert.Equal(Line.L2, decision.Line);
    }

    [Fact]
    public void LiteracyThresholdFollowsThePolicy()
    {
        var karma = new CustomerKarma(new KarmaScore(3.5, 0.9), KarmaScore.Unknown, 12);
        var lenient = KarmaPolicy.Default with { LiterateFrom = 3.5 };

        var decision = EntryRule.Decide(karma, Channel.Chat, "billing", lenient);

        Assert.True(decision.SkipFirstLine);
        Assert.Equal(Line.L2, decision.Line);
    }
}
