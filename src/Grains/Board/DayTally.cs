namespace Helpdesk.Grains.Board;

/// <summary>A department's answers and abandonments of one UTC day, for its service level today.</summary>
/// <param name="Day">The day counted.</param>
/// <param name="Answered">Contacts answered.</param>
/// <param name="WithinTarget">Of those, answered within the department's service-level target.</param>
/// <param name="Abandoned">Contacts given up by their customers while waiting.</param>
[GenerateSerializer, Alias("helpdesk.DayTally")]
public sealed record DayTally([property: Id(0)] DateOnly Day, [property: Id(1)] int Answered, [property: Id(2)] int WithinTarget, [property: Id(3)] int Abandoned)
{
    /// <summary>The share answered within the target of those answered or given up; <see langword="null"/> before the first of either.</summary>
    public double? ServiceLevel => Answered + Abandoned == 0 ? null : (double)WithinTarget / (Answered + Abandoned);

    /// <summary>Nothing counted on the day of <paramref name="now"/>.</summary>
    public static DayTally Empty(DateTimeOffset now) => new(DateOnly.FromDateTime(now.UtcDateTime), 0, 0, 0);

    /// <summary>This tally, or a new one when <paramref name="now"/> falls on a later day.</summary>
    public DayTally On(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) > Day ? Empty(now) : this;

    /// <summary>Counts an answer after <paramref name="waited"/>, within <paramref name="target"/> or not.</summary>
    public DayTally Answer(DateTimeOffset now, TimeSpan waited, TimeSpan target)
    {
        var day = On(now);
        return day with { Answered = day.Answered + 1, WithinTarget = day.WithinTarget + (waited <= target ? 1 : 0) };
    }

    /// <summary>Counts a contact given up.</summary>
    public DayTally Abandon(DateTimeOffset now)
    {
        var day = On(now);
        return day with { Abandoned = day.Abandoned + 1 };
    }
}
