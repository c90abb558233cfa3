namespace Helpdesk.Grains.Sla;

/// <summary>One day's working hours in the calendar's time zone; <see cref="Start"/> before <see cref="End"/>.</summary>
/// <param name="Start">When work starts.</param>
/// <param name="End">When work ends; <see cref="TimeOnly.MaxValue"/> means at midnight, so work runs to the end of the day.</param>
[GenerateSerializer, Alias("helpdesk.WorkingHours")]
public sealed record WorkingHours([property: Id(0)] TimeOnly Start, [property: Id(1)] TimeOnly End)
{
    /// <summary>The whole day, from midnight to midnight.</summary>
    public static WorkingHours WholeDay { get; } = new(TimeOnly.MinValue, TimeOnly.MaxValue);

    /// <summary>Whether work runs to midnight: <see cref="TimeOnly"/> cannot say 24:00, so <see cref="TimeOnly.MaxValue"/> stands for it.</summary>
    internal bool EndsAtMidnight => End == TimeOnly.MaxValue;
}
