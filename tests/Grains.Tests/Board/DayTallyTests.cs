using Helpdesk.Grains.Board;

namespace Helpdesk.Grains.Tests.Board;

/// <summary>A department's service level today.</summary>
public sealed class DayTallyTests
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void TheServiceLevelCountsAnswersWithinTheTargetAgainstEveryContactAnsweredOrGivenUp()
    {
        var today = DayTally.Empty(Nine)
            .Answer(Nine, TimeSpan.FromSeconds(5), Target)
            .Answer(Nine, TimeSpan.FromSeconds(20), Target)
            .Answer(Nine, TimeSpan.FromSeconds(21), Target)
            .Abandon(Nine);

        Assert.Equal((3, 2, 1), (today.Answered, today.WithinTarget, today.Abandoned));
        Assert.Equal(0.5, today.ServiceLevel);
    }

    [Fact]
    public void ANewDayStartsFromNothing()
    {
        var yesterday = DayTally.Empty(Nine).Answer(Nine, TimeSpan.Zero, Target).Abandon(Nine);
        var midnight = new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DayTally(new DateOnly(2026, 1, 6), 0, 0, 0), yesterday.On(midnight));
        Assert.Equal(new DayTally(new DateOnly(2026, 1, 6), 0, 0, 1), yesterday.Abandon(midnight));
        Assert.Same(yesterday, yesterday.On(Nine.AddHours(14)));
    }

    [Fact]
    public void BeforeTheFirstAnswerThereIsNoServiceLevel() => Assert.Null(DayTally.Empty(Nine).ServiceLevel);
}
