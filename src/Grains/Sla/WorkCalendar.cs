namespace Helpdesk.Grains.Sla;

/// <summary>A department's working time: hours per weekday and holidays, in one time zone.</summary>
/// <param name="TimeZone">An IANA or Windows time zone id, e.g. <c>Europe/Berlin</c> or <c>UTC</c>.</param>
/// <param name="Week">Working hours of each working weekday; a weekday absent is a day off.</param>
/// <param name="Holidays">Local dates that are days off whatever their weekday.</param>
public sealed record WorkCalendar(string TimeZone, IReadOnlyDictionary<DayOfWeek, WorkingHours> Week, IReadOnlyList<DateOnly> Holidays)
{
    /// <summary>Every hour of every day: SLA thresholds in wall time.</summary>
    public static WorkCalendar AlwaysOpen => throw new NotImplementedException();

    /// <summary>Monday to Friday, 09:00–18:00 UTC, no holidays.</summary>
    public static WorkCalendar OfficeHours => throw new NotImplementedException();

    /// <summary>Whether <paramref name="day"/> (a local date) has working hours: a listed weekday that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => throw new NotImplementedException();

    /// <summary>Whether <paramref name="at"/> falls within working hours.</summary>
    public bool IsWorkingTime(DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>The local date of <paramref name="at"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset at) => throw new NotImplementedException();

    /// <summary><paramref name="at"/> when it is working time, else the start of the next working hours.</summary>
    public DateTimeOffset NextWorkingTime(DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>The instant when <paramref name="amount"/> of working time has passed since <paramref name="from"/>.</summary>
    /// <remarks>Time outside working hours does not count; zero gives <see cref="NextWorkingTime"/> of <paramref name="from"/>.</remarks>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount) => throw new NotImplementedException();

    /// <summary>The working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) => throw new NotImplementedException();

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (local dates).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => throw new NotImplementedException();
}
