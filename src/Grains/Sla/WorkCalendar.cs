namespace Helpdesk.Grains.Sla;

/// <summary>A department's working time: hours per weekday and holidays, in one time zone.</summary>
/// <param name="TimeZone">
/// A time zone id the platform knows: an IANA id such as <c>Europe/Berlin</c>, or <c>UTC</c>. Windows ids work only where
/// the platform maps them, which Linux with invariant globalization does not.
/// </param>
/// <param name="Week">Working hours of each working weekday; a weekday absent is a day off.</param>
/// <param name="Holidays">Local dates that are days off whatever their weekday.</param>
/// <remarks>
/// Working hours are local wall times: each is turned into an instant with the zone's offset on that day, so a working
/// day keeps its hours across a daylight-saving change. A wall time the clocks skip is moved forward by the skipped hour;
/// one they pass twice is taken the first time. The arithmetic throws <see cref="UnusableCalendarException"/> while
/// <see cref="Problem"/> finds fault with the calendar.
/// </remarks>
[GenerateSerializer, Alias("helpdesk.WorkCalendar")]
public sealed record WorkCalendar(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyDictionary<DayOfWeek, WorkingHours> Week,
    [property: Id(2)] IReadOnlyList<DateOnly> Holidays)
{
    /// <summary>Every hour of every day: SLA thresholds in wall time.</summary>
    /// <remarks>Every instant is working time and <see cref="AddWorkingTime"/> is plain addition.</remarks>
    public static WorkCalendar AlwaysOpen { get; } = new(
        "UTC",
        Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => WorkingHours.WholeDay).AsReadOnly(),
        []);

    /// <summary>Monday to Friday, 09:00–18:00 UTC, no holidays.</summary>
    public static WorkCalendar OfficeHours { get; } = new(
        "UTC",
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(day => day, _ => new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0)))
            .AsReadOnly(),
        []);

    /// <summary>Whether <paramref name="day"/> (a local date) has working hours: a listed weekday that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => Week.ContainsKey(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>Whether <paramref name="at"/> falls within working hours.</summary>
    /// <remarks>A day's hours include their start and exclude their end.</remarks>
    public bool IsWorkingTime(DateTimeOffset at)
    {
        var zone = Zone();
        return IsAlwaysOpen() || (Hours(zone, LocalDate(zone, at)) is { } hours && hours.Contain(at));
    }

    /// <summary>The local date of <paramref name="at"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset at) => LocalDate(Zone(), at);

    /// <summary><paramref name="at"/> when it is working time, else the start of the next working hours.</summary>
    public DateTimeOffset NextWorkingTime(DateTimeOffset at)
    {
        var zone = Zone();
        return IsAlwaysOpen() ? at : NextWorkingTime(zone, at);
    }

    /// <summary>The instant when <paramref name="amount"/> of working time has passed since <paramref name="from"/>.</summary>
    /// <remarks>
    /// Time outside working hours does not count; zero gives <see cref="NextWorkingTime(DateTimeOffset)"/> of
    /// <paramref name="from"/>. The result is always working time: an amount used up exactly at the close of a day is
    /// due at the next opening, which is the same point in working time. Days off are skipped whole, so long amounts
    /// cost one step per calendar day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var zone = Zone();
        if (IsAlwaysOpen())
        {
            return from + amount;
        }

        var at = NextWorkingTime(zone, from);
        for (var day = LocalDate(zone, at); ; day = day.AddDays(1))
        {
            if (Hours(zone, day) is not { } hours)
            {
                continue;
            }

            if (at < hours.Start)
            {
                at = hours.Start;
            }

            var left = hours.End - at;
            if (amount < left)
            {
                return at + amount;
            }

            amount -= left;
        }
    }

    /// <summary>The working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    /// <remarks>
    /// The inverse of <see cref="AddWorkingTime"/>: the working time from <c>from</c> to <c>AddWorkingTime(from, d)</c>
    /// is <c>d</c>, and adding the working time from <c>from</c> to <c>to</c> lands on <c>NextWorkingTime(to)</c>.
    /// </remarks>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var zone = Zone();
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen())
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(zone, to);
        for (var day = LocalDate(zone, from); day <= last; day = day.AddDays(1))
        {
            if (Hours(zone, day) is { } hours)
            {
                var start = hours.Start > from ? hours.Start : from;
                var end = hours.End < to ? hours.End : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (local dates).</summary>
    /// <remarks>Zero when <paramref name="to"/> is not after <paramref name="from"/>. Needs no time zone: the dates are already local.</remarks>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        // Every whole week holds each listed weekday once; only the days left over need looking at.
        var days = to.DayNumber - from.DayNumber;
        var count = days / 7 * Week.Keys.Count(Enum.IsDefined);
        for (var day = from.AddDays(days / 7 * 7 + 1); day <= to; day = day.AddDays(1))
        {
            if (Week.ContainsKey(day.DayOfWeek))
            {
                count++;
            }
        }

        return count - Holidays.Distinct().Count(holiday => holiday > from && holiday <= to && Week.ContainsKey(holiday.DayOfWeek));
    }

    /// <summary>Why the calendar is unusable, or <see langword="null"/>: an unknown time zone, hours that end before they start, no working weekday.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            return "The calendar names no time zone: give one such as Europe/Berlin or UTC.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            return $"The time zone '{TimeZone}' is unknown: use an IANA id such as Europe/Berlin, or UTC.";
        }

        if (Week is null || Holidays is null)
        {
            return "The calendar lacks its week or its holidays: give both, empty holidays for none.";
        }

        foreach (var (day, hours) in Week.OrderBy(pair => pair.Key))
        {
            if (!Enum.IsDefined(day))
            {
                return $"{(int)day} is not a weekday: use Sunday (0) to Saturday (6).";
            }

            if (hours is null)
            {
                return $"{day} lists no hours: give its hours, or leave it out to make it a day off.";
            }

            if (hours.Start >= hours.End)
            {
                return $"{day}'s working hours start at {hours.Start:HH:mm} but end at {hours.End:HH:mm}: the start must come before the end.";
            }
        }

        return Week.Count == 0 ? "No weekday has working hours: give at least one, or use the always-open calendar." : null;
    }

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset Instant(TimeZoneInfo zone, DateTime local)
    {
        // A skipped wall time gets the standard offset, which moves it forward by the gap; a repeated one the larger, earlier offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    /// <summary>The zone, once <see cref="Problem"/> has nothing against the calendar.</summary>
    private TimeZoneInfo Zone()
    {
        if (ReferenceEquals(this, AlwaysOpen))
        {
            return TimeZoneInfo.Utc;
        }

        return Problem() is { } problem
            ? throw new UnusableCalendarException($"The work calendar cannot measure working time. {problem}")
            : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    }

    /// <summary>Whole days every day and no holidays: working time is wall time, whatever the zone.</summary>
    private bool IsAlwaysOpen() =>
        ReferenceEquals(this, AlwaysOpen)
        || (Holidays.Count == 0 && Week.Count == 7 && Week.Values.All(hours => hours == WorkingHours.WholeDay));

    private DateTimeOffset NextWorkingTime(TimeZoneInfo zone, DateTimeOffset at)
    {
        var day = LocalDate(zone, at);
        if (Hours(zone, day) is { } today && at < today.End)
        {
            return at < today.Start ? today.Start : at;
        }

        // Problem() guarantees a working weekday, and holidays are finite, so this ends.
        while (true)
        {
            day = day.AddDays(1);
            if (Hours(zone, day) is { } hours)
            {
                return hours.Start;
            }
        }
    }

    /// <summary>The working hours of a local date as instants, or <see langword="null"/> on a day off.</summary>
    private Span? Hours(TimeZoneInfo zone, DateOnly day)
    {
        if (!IsWorkingDay(day))
        {
            return null;
        }

        var hours = Week[day.DayOfWeek];
        var start = Instant(zone, day.ToDateTime(hours.Start));
        var end = Instant(zone, hours.EndsAtMidnight ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(hours.End));

        // A start the clocks skip moves forward and may pass the end: then the day has no hours.
        return start < end ? new Span(start, end) : null;
    }

    private readonly record struct Span(DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Contain(DateTimeOffset at) => Start <= at && at < End;
    }
}
