using Helpdesk.Grains.Broadcasts;

namespace Helpdesk.Grains.Tests.Broadcasts;

/// <summary>Which broadcasts are on and whom they concern, so the IVR announces them and contacts are deflected.</summary>
public sealed class BroadcastMatchTests
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly Broadcast ToAll = new("b-all", BroadcastScope.All, null, null, "We are moving offices.", Nine, Nine.AddHours(2));

    private static readonly Broadcast ToBilling = new("b-billing", BroadcastScope.Department, "billing", null, "Invoices are late.", Nine, Nine.AddHours(2));

    private static readonly Broadcast OnLogins = new("b-logins", BroadcastScope.Topic, null, "Cannot log in", "Log-in is down.", Nine, Nine.AddHours(2));

    [Theory]
    [InlineData(null, null)]
    [InlineData("billing", null)]
    [InlineData(null, "anything")]
    [InlineData("network", "Cannot log in")]
    public void ABroadcastToAllConcernsEveryContact(string? department, string? topic) =>
        Assert.True(BroadcastMatch.Concerns(ToAll, department, topic));

    [Fact]
    public void ADepartmentBroadcastConcernsThatDepartmentOnly()
    {
        Assert.True(BroadcastMatch.Concerns(ToBilling, "billing", null));
        Assert.False(BroadcastMatch.Concerns(ToBilling, "network", null));
        Assert.False(BroadcastMatch.Concerns(ToBilling, "Billing", null));
    }

    [Fact]
    public void ADepartmentBroadcastDoesNotConcernAContactWhoseDepartmentIsNotKnown() =>
        Assert.False(BroadcastMatch.Concerns(ToBilling, null, "Invoices"));

    [Theory]
    [InlineData("Cannot log in")]
    [InlineData("CANNOT LOG IN")]
    [InlineData("cannot log in")]
    public void ATopicBroadcastMatchesItsTopicWithoutRegardToCase(string topic) =>
        Assert.True(BroadcastMatch.Concerns(OnLogins, "billing", topic));

    [Theory]
    [InlineData(null)]
    [InlineData("Cannot log in twice")]
    [InlineData("")]
    public void ATopicBroadcastDoesNotMatchAnotherTopicOrNone(string? topic) =>
        Assert.False(BroadcastMatch.Concerns(OnLogins, "billing", topic));

    [Fact]
    public void ABroadcastIsOnFromItsStartUntilJustBeforeItsEnd()
    {
        Assert.False(BroadcastMatch.IsActive(ToAll, Nine.AddTicks(-1)));
        Assert.True(BroadcastMatch.IsActive(ToAll, Nine));
        Assert.True(BroadcastMatch.IsActive(ToAll, Nine.AddHours(2).AddTicks(-1)));
        Assert.False(BroadcastMatch.IsActive(ToAll, Nine.AddHours(2)));
    }

    [Fact]
    public void ABroadcastEndedByHandStopsWhenItWasEnded()
    {
        var ended = ToAll with { EndedAt = Nine.AddMinutes(30) };

        Assert.True(BroadcastMatch.IsActive(ended, Nine.AddMinutes(29)));
        Assert.False(BroadcastMatch.IsActive(ended, Nine.AddMinutes(30)));
        Assert.Equal(Nine.AddMinutes(30), BroadcastMatch.Over(ended));
    }

    [Fact]
    public void EndingABroadcastAfterItsEndDoesNotLengthenIt()
    {
        var late = ToAll with { EndedAt = Nine.AddHours(5) };

        Assert.Equal(ToAll.End, BroadcastMatch.Over(late));
        Assert.False(BroadcastMatch.IsActive(late, Nine.AddHours(3)));
    }

    [Fact]
    public void ABroadcastCancelledBeforeItsStartIsNeverOn()
    {
        var cancelled = ToAll with { Start = Nine.AddHours(1), EndedAt = Nine };

        Assert.False(BroadcastMatch.IsActive(cancelled, Nine.AddHours(1)));
        Assert.False(BroadcastMatch.IsActive(cancelled, Nine.AddMinutes(90)));
    }

    [Fact]
    public void TheActiveBroadcastsAreThoseOnThatConcernTheContactInTheirOrder()
    {
        var later = ToAll with { Id = "b-later", Start = Nine.AddHours(1) };
        var over = ToBilling with { Id = "b-over", EndedAt = Nine.AddMinutes(5) };
        Broadcast[] all = [OnLogins, ToBilling, later, over, ToAll];

        var billingAboutLogins = BroadcastMatch.Active(all, "billing", "cannot log in", Nine.AddMinutes(10));
        var networkUnknownTopic = BroadcastMatch.Active(all, "network", null, Nine.AddMinutes(10));
        var afterEverything = BroadcastMatch.Active(all, "billing", "Cannot log in", Nine.AddHours(3));

        Assert.Equal(["b-logins", "b-billing", "b-all"], billingAboutLogins.Select(broadcast => broadcast.Id));
        Assert.Equal(["b-all"], networkUnknownTopic.Select(broadcast => broadcast.Id));
        Assert.Empty(afterEverything);
    }

    [Fact]
    public void ABroadcastIsForgottenOnlyOnceItHasBeenOverLongerThanTheRetention()
    {
        var ended = ToAll with { EndedAt = Nine.AddHours(1) };
        var retention = TimeSpan.FromDays(30);

        Assert.False(BroadcastMatch.IsStale(ended, Nine.AddHours(1) + retention, retention));
        Assert.True(BroadcastMatch.IsStale(ended, Nine.AddHours(1) + retention + TimeSpan.FromTicks(1), retention));
        Assert.False(BroadcastMatch.IsStale(ToAll, Nine.AddDays(30), retention));
    }
}
