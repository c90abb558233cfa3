using System.Text.Json;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Grains.Tests.Sla;

/// <summary>Working time: hours per weekday, holidays and a time zone decide which time counts.</summary>
public sealed class WorkCalendarTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    /// <summary>Office hours with Christmas off: Thursday 25 and Friday 26 December 2025.</summary>
    private static readonly WorkCalendar Christmas = WorkCalendar.OfficeHours with
    {
        Holidays = [new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)],
    };

    /// <summary>Monday to Friday, 09:00–18:00 in Berlin, where clocks go forward on 30 March 2025 and back on 26 October 2025.</summary>
    private static readonly WorkCalendar Berlin = WorkCalendar.OfficeHours with { TimeZone = "Europe/Berlin" };

    [Fact]
    public void OfficeHoursAreNineToSixOnWeekdaysInUtcWithoutHolidays()
    {
        var calendar = WorkCalendar.OfficeHours;

        Assert.Equal("UTC", calendar.TimeZone);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            calendar.Week.Keys.Order());
        Assert.All(calendar.Week.Values, hours => Assert.Equal(new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), hours));
        Assert.Empty(calendar.Holidays);
        Assert.Same(calendar, WorkCalendar.OfficeHours);
    }

    [Fact]
    public void AlwaysOpenIsEveryWholeDayInUtcWithoutHolidays()
    {
        var calendar = WorkCalendar.AlwaysOpen;

        Assert.Equal("UTC", calendar.TimeZone);
        Assert.Equal(Enum.GetValues<DayOfWeek>(), calendar.Week.Keys.Order());
        Assert.All(calendar.Week.Values, hours => Assert.Equal(WorkingHours.WholeDay, hours));
        Assert.Empty(calendar.Holidays);
        Assert.Same(calendar, WorkCalendar.AlwaysOpen);
    }

    public static TheoryData<DateTimeOffset, TimeSpan> WallTimeCases => new()
    {
        { Utc(3, 14, 17, 30), TimeSpan.Zero },
        { Utc(3, 14, 23, 59) + TimeSpan.FromSeconds(59.9999999), TimeSpan.FromTicks(1) },
        { Utc(3, 15, 23, 0), TimeSpan.FromHours(2) },
        { new DateTimeOffset(2025, 3, 29, 23, 0, 0, Cet), TimeSpan.FromHours(5) },
        { Utc(3, 14, 17, 30), TimeSpan.FromDays(10) + TimeSpan.FromTicks(3) },
        { Utc(12, 31, 22, 0), TimeSpan.FromDays(400) },
    };

    [Theory]
    [MemberData(nameof(WallTimeCases))]
    public void AlwaysOpenAddsWorkingTimeByPlainAdditionAcrossMidnights(DateTimeOffset from, TimeSpan amount)
    {
        var calendar = WorkCalendar.AlwaysOpen;

        Assert.Equal(from + amount, calendar.AddWorkingTime(from, amount));
        Assert.Equal(amount, calendar.WorkingTimeBetween(from, from + amount));
        Assert.True(calendar.IsWorkingTime(from));
        Assert.Equal(from, calendar.NextWorkingTime(from));
    }

    [Fact]
    public void AlwaysOpenStaysPlainAdditionAfterAJsonRoundTrip()
    {
        var json = JsonSerializer.Serialize(WorkCalendar.AlwaysOpen);
        var calendar = JsonSerializer.Deserialize<WorkCalendar>(json)!;
        var from = Utc(3, 15, 23, 59) + TimeSpan.FromSeconds(59.9999999);

        Assert.Null(calendar.Problem());
        Assert.Equal(WorkingHours.WholeDay, calendar.Week[DayOfWeek.Sunday]);
        Assert.Equal(from + TimeSpan.FromTicks(1), calendar.AddWorkingTime(from, TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void EveryWholeDayInAZoneWithDaylightSavingIsWallTimeToo()
    {
        var calendar = WorkCalendar.AlwaysOpen with { TimeZone = "Europe/Berlin" };
        var saturdayNoon = new DateTimeOffset(2025, 3, 29, 12, 0, 0, Cet);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 13, 0, 0, Cest), calendar.AddWorkingTime(saturdayNoon, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void ThresholdEnteredFridayEveningIsCrossedMondayMorning()
    {
        Assert.Equal(Utc(3, 17, 9, 30), WorkCalendar.OfficeHours.AddWorkingTime(Utc(3, 14, 17, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void WorkingTimeWithinOneDayIsPlainAddition()
    {
        Assert.Equal(Utc(3, 10, 13, 15), WorkCalendar.OfficeHours.AddWorkingTime(Utc(3, 10, 10, 0), TimeSpan.FromHours(3.25)));
    }

    [Fact]
    public void AmountUsedUpAtClosingIsDueAtTheNextOpening()
    {
        Assert.Equal(Utc(3, 17, 9, 0), WorkCalendar.OfficeHours.AddWorkingTime(Utc(3, 14, 17, 0), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("2025-03-15T12:00:00Z", 60, "2025-03-17T10:00:00Z")]
    [InlineData("2025-03-10T07:00:00Z", 30, "2025-03-10T09:30:00Z")]
    [InlineData("2025-03-11T20:00:00Z", 60, "2025-03-12T10:00:00Z")]
    [InlineData("2025-03-14T18:00:00Z", 1, "2025-03-17T09:01:00Z")]
    public void TimeEnteredOutsideWorkingHoursCountsFromTheNextOpening(string from, int minutes, string expected)
    {
        Assert.Equal(
            DateTimeOffset.Parse(expected, null),
            WorkCalendar.OfficeHours.AddWorkingTime(DateTimeOffset.Parse(from, null), TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("2025-03-15T12:00:00Z", "2025-03-17T09:00:00Z")]
    [InlineData("2025-03-10T10:00:00Z", "2025-03-10T10:00:00Z")]
    [InlineData("2025-03-10T18:00:00Z", "2025-03-11T09:00:00Z")]
    public void AddingNothingGivesTheNextWorkingTime(string from, string expected)
    {
        var at = DateTimeOffset.Parse(from, null);

        Assert.Equal(DateTimeOffset.Parse(expected, null), WorkCalendar.OfficeHours.AddWorkingTime(at, TimeSpan.Zero));
        Assert.Equal(WorkCalendar.OfficeHours.NextWorkingTime(at), WorkCalendar.OfficeHours.AddWorkingTime(at, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2025-03-12T12:00:00Z", 20, "2025-03-14T14:00:00Z")]
    [InlineData("2025-03-10T09:00:00Z", 45, "2025-03-17T09:00:00Z")]
    [InlineData("2025-03-10T09:00:00Z", 136, "2025-03-31T10:00:00Z")]
    [InlineData("2025-03-14T17:30:00Z", 9, "2025-03-17T17:30:00Z")]
    public void AmountsOfSeveralDaysAndWeeksSkipTheNightsAndWeekends(string from, int hours, string expected)
    {
        Assert.Equal(
            DateTimeOffset.Parse(expected, null),
            WorkCalendar.OfficeHours.AddWorkingTime(DateTimeOffset.Parse(from, null), TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void AYearOfWorkingTimeIsFiftyTwoWorkingWeeks()
    {
        var from = Utc(1, 6, 9, 0);

        var due = WorkCalendar.OfficeHours.AddWorkingTime(from, TimeSpan.FromHours(9 * 5 * 52));

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void HolidaysDoNotCount()
    {
        Assert.Equal(Utc(12, 29, 10, 0), Christmas.AddWorkingTime(Utc(12, 24, 17, 0), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), Christmas.WorkingTimeBetween(Utc(12, 24, 17, 0), Utc(12, 29, 10, 0)));
    }

    [Fact]
    public void HolidayIsADayOffWhateverItsWeekday()
    {
        Assert.True(Christmas.IsWorkingDay(new DateOnly(2025, 12, 24)));
        Assert.False(Christmas.IsWorkingDay(new DateOnly(2025, 12, 25)));
        Assert.False(Christmas.IsWorkingDay(new DateOnly(2025, 12, 27)));
        Assert.False(Christmas.IsWorkingTime(Utc(12, 25, 10, 0)));
        Assert.Equal(Utc(12, 29, 9, 0), Christmas.NextWorkingTime(Utc(12, 25, 10, 0)));
    }

    [Theory]
    [InlineData("2025-03-10T09:00:00Z", true)]
    [InlineData("2025-03-10T17:59:59Z", true)]
    [InlineData("2025-03-10T18:00:00Z", false)]
    [InlineData("2025-03-10T08:59:59Z", false)]
    [InlineData("2025-03-15T12:00:00Z", false)]
    public void WorkingHoursIncludeTheirStartAndExcludeTheirEnd(string at, bool working)
    {
        Assert.Equal(working, WorkCalendar.OfficeHours.IsWorkingTime(DateTimeOffset.Parse(at, null)));
    }

    [Theory]
    [InlineData("2025-03-10T12:00:00Z", "2025-03-10T12:00:00Z")]
    [InlineData("2025-03-10T06:00:00Z", "2025-03-10T09:00:00Z")]
    [InlineData("2025-03-10T18:00:00Z", "2025-03-11T09:00:00Z")]
    [InlineData("2025-03-14T19:00:00Z", "2025-03-17T09:00:00Z")]
    [InlineData("2025-03-16T23:59:59Z", "2025-03-17T09:00:00Z")]
    public void NextWorkingTimeIsNowInWorkingHoursElseTheNextOpening(string at, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, null), WorkCalendar.OfficeHours.NextWorkingTime(DateTimeOffset.Parse(at, null)));
    }

    [Theory]
    [InlineData("2025-03-14T17:30:00Z", "2025-03-17T09:30:00Z", 60)]
    [InlineData("2025-03-10T10:00:00Z", "2025-03-10T10:45:00Z", 45)]
    [InlineData("2025-03-15T10:00:00Z", "2025-03-16T10:00:00Z", 0)]
    [InlineData("2025-03-10T12:00:00Z", "2025-03-10T11:00:00Z", 0)]
    [InlineData("2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z", 45 * 60)]
    public void WorkingTimeBetweenCountsOnlyWorkingHours(string from, string to, int minutes)
    {
        Assert.Equal(
            TimeSpan.FromMinutes(minutes),
            WorkCalendar.OfficeHours.WorkingTimeBetween(DateTimeOffset.Parse(from, null), DateTimeOffset.Parse(to, null)));
    }

    public static TheoryData<string> Calendars => ["office hours", "christmas", "berlin", "nights"];

    [Theory]
    [MemberData(nameof(Calendars))]
    public void WorkingTimeBetweenUndoesAddWorkingTime(string name)
    {
        var calendar = Named(name);
        var failures = new List<string>();

        foreach (var from in Instants(Utc(12, 17, 0, 0), count: 60, step: TimeSpan.FromMinutes(437)))
        {
            foreach (var amount in Amounts)
            {
                var due = calendar.AddWorkingTime(from, amount);
                var between = calendar.WorkingTimeBetween(from, due);
                if (between != amount || !calendar.IsWorkingTime(due) || due < from)
                {
                    failures.Add($"from {from:O} adding {amount} gave {due:O}, which is {between} of working time later");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddingTheWorkingTimeBetweenTwoInstantsLandsOnTheNextWorkingTimeOfTheSecond(string name)
    {
        var calendar = Named(name);
        var failures = new List<string>();

        foreach (var from in Instants(Utc(12, 18, 5, 0), count: 20, step: TimeSpan.FromMinutes(611)))
        {
            foreach (var to in Instants(from, count: 40, step: TimeSpan.FromMinutes(173)))
            {
                var landed = calendar.AddWorkingTime(from, calendar.WorkingTimeBetween(from, to));
                if (landed != calendar.NextWorkingTime(to))
                {
                    failures.Add($"from {from:O} to {to:O} landed on {landed:O}, not {calendar.NextWorkingTime(to):O}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void WorkingTimeIsAdditiveOverAnyInstantBetween()
    {
        var failures = new List<string>();
        var from = Utc(12, 22, 11, 0);
        var to = Utc(12, 31, 15, 0);

        foreach (var middle in Instants(from, count: 50, step: TimeSpan.FromMinutes(263)))
        {
            var whole = Christmas.WorkingTimeBetween(from, to);
            var parts = Christmas.WorkingTimeBetween(from, middle) + Christmas.WorkingTimeBetween(middle, to);
            if (whole != parts)
            {
                failures.Add($"split at {middle:O}: {parts} instead of {whole}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void NegativeAmountIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkCalendar.OfficeHours.AddWorkingTime(Utc(3, 10, 10, 0), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void BerlinWorkingHoursKeepTheirWallTimesAcrossTheSpringChange()
    {
        var fridayFive = new DateTimeOffset(2025, 3, 28, 17, 0, 0, Cet);

        var due = Berlin.AddWorkingTime(fridayFive, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 10, 0, 0, Cest), due);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 8, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(2), Berlin.WorkingTimeBetween(fridayFive, due));
    }

    [Fact]
    public void BerlinWorkingHoursKeepTheirWallTimesAcrossTheAutumnChange()
    {
        var fridayFive = new DateTimeOffset(2025, 10, 24, 17, 0, 0, Cest);

        Assert.Equal(new DateTimeOffset(2025, 10, 27, 10, 0, 0, Cet), Berlin.AddWorkingTime(fridayFive, TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("2025-03-31T07:30:00Z", true)]
    [InlineData("2025-03-28T07:30:00Z", false)]
    [InlineData("2025-03-28T16:30:00Z", true)]
    [InlineData("2025-03-31T16:30:00Z", false)]
    public void BerlinWorkingTimeFollowsTheLocalClock(string at, bool working)
    {
        Assert.Equal(working, Berlin.IsWorkingTime(DateTimeOffset.Parse(at, null)));
    }

    [Fact]
    public void LocalDateIsTheDateOnTheCalendarsClock()
    {
        var fridayLateUtc = Utc(3, 14, 23, 30);

        Assert.Equal(new DateOnly(2025, 3, 15), Berlin.LocalDate(fridayLateUtc));
        Assert.Equal(new DateOnly(2025, 3, 14), WorkCalendar.OfficeHours.LocalDate(fridayLateUtc));
        Assert.False(Berlin.IsWorkingTime(fridayLateUtc));
    }

    [Fact]
    public void DaysWithTheClockChangeAreShorterOrLongerByTheHourTheClocksMove()
    {
        var night = new WorkingHours(new TimeOnly(1, 0), new TimeOnly(4, 0));
        var sundays = new WorkCalendar("Europe/Berlin", new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Sunday] = night }, []);

        Assert.Equal(
            TimeSpan.FromHours(2),
            sundays.WorkingTimeBetween(new DateTimeOffset(2025, 3, 30, 0, 0, 0, Cet), new DateTimeOffset(2025, 3, 31, 0, 0, 0, Cest)));
        Assert.Equal(
            TimeSpan.FromHours(4),
            sundays.WorkingTimeBetween(new DateTimeOffset(2025, 10, 26, 0, 0, 0, Cest), new DateTimeOffset(2025, 10, 27, 0, 0, 0, Cet)));
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 3, 0, 0, Cest), sundays.AddWorkingTime(new DateTimeOffset(2025, 3, 30, 0, 0, 0, Cet), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void WorkingStartTheClocksSkipMovesForwardByTheSkippedHour()
    {
        var lateNight = new WorkingHours(new TimeOnly(2, 30), new TimeOnly(6, 0));
        var sundays = new WorkCalendar("Europe/Berlin", new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Sunday] = lateNight }, []);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 3, 30, 0, Cest), sundays.NextWorkingTime(new DateTimeOffset(2025, 3, 30, 0, 0, 0, Cet)));
    }

    [Fact]
    public void WorkingStartTheClocksPassTwiceIsTakenTheFirstTime()
    {
        var lateNight = new WorkingHours(new TimeOnly(2, 30), new TimeOnly(6, 0));
        var sundays = new WorkCalendar("Europe/Berlin", new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Sunday] = lateNight }, []);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 2, 30, 0, Cest), sundays.NextWorkingTime(new DateTimeOffset(2025, 10, 26, 0, 0, 0, Cest)));
        Assert.Equal(TimeSpan.FromHours(4.5), sundays.WorkingTimeBetween(new DateTimeOffset(2025, 10, 26, 0, 0, 0, Cest), new DateTimeOffset(2025, 10, 27, 0, 0, 0, Cet)));
    }

    [Fact]
    public void WholeDayRunsToMidnightAndTheNextDayGoesOnFromThere()
    {
        var days = Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => WorkingHours.WholeDay);
        var calendar = new WorkCalendar("UTC", days, [new DateOnly(2025, 3, 12)]);

        Assert.True(calendar.IsWorkingTime(Utc(3, 11, 23, 59) + TimeSpan.FromSeconds(59.9999999)));
        Assert.False(calendar.IsWorkingTime(Utc(3, 12, 0, 0)));
        Assert.Equal(Utc(3, 13, 1, 0), calendar.AddWorkingTime(Utc(3, 11, 23, 0), TimeSpan.FromHours(2)));
        Assert.Equal(Utc(3, 11, 2, 0), calendar.AddWorkingTime(Utc(3, 10, 23, 0), TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(Utc(3, 11, 23, 0), Utc(3, 13, 1, 0)));
    }

    [Theory]
    [InlineData("2025-03-14", "2025-03-17", 1)]
    [InlineData("2025-03-14", "2025-03-14", 0)]
    [InlineData("2025-03-14", "2025-03-16", 0)]
    [InlineData("2025-03-10", "2025-03-14", 4)]
    [InlineData("2025-03-17", "2025-03-14", 0)]
    [InlineData("2025-03-09", "2025-03-23", 10)]
    [InlineData("2025-12-24", "2025-12-29", 1)]
    [InlineData("2025-12-23", "2025-12-31", 4)]
    public void WorkingDaysBetweenCountsWorkingDaysAfterTheFirstDateUpToTheSecond(string from, string to, int expected)
    {
        Assert.Equal(expected, Christmas.WorkingDaysBetween(DateOnly.Parse(from, null), DateOnly.Parse(to, null)));
    }

    [Fact]
    public void WorkingDaysBetweenAgreesWithCountingDayByDay()
    {
        var calendar = Christmas with
        {
            Week = new Dictionary<DayOfWeek, WorkingHours>
            {
                [DayOfWeek.Monday] = new(new TimeOnly(9, 0), new TimeOnly(17, 0)),
                [DayOfWeek.Wednesday] = new(new TimeOnly(9, 0), new TimeOnly(17, 0)),
                [DayOfWeek.Saturday] = new(new TimeOnly(10, 0), new TimeOnly(14, 0)),
            },
            Holidays = [new DateOnly(2025, 12, 24), new DateOnly(2025, 12, 27), new DateOnly(2025, 12, 27), new DateOnly(2025, 12, 25), new DateOnly(2026, 1, 5)],
        };
        var failures = new List<string>();

        for (var from = new DateOnly(2025, 12, 1); from < new DateOnly(2026, 1, 10); from = from.AddDays(3))
        {
            for (var to = from.AddDays(-2); to < from.AddDays(50); to = to.AddDays(1))
            {
                var expected = 0;
                for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
                {
                    expected += calendar.IsWorkingDay(day) ? 1 : 0;
                }

                if (calendar.WorkingDaysBetween(from, to) != expected)
                {
                    failures.Add($"{from} to {to}: {calendar.WorkingDaysBetween(from, to)} instead of {expected}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void UsableCalendarsHaveNoProblem(string name)
    {
        Assert.Null(Named(name).Problem());
    }

    public static TheoryData<string, string> BadCalendars => new()
    {
        { "unknown zone", "'Mars/Olympus' is unknown" },
        { "no zone", "no time zone" },
        { "end before start", "Monday's working hours start at 18:00 but end at 09:00" },
        { "no hours at all", "start at 09:00 but end at 09:00" },
        { "no working weekday", "No weekday has working hours" },
        { "not a weekday", "9 is not a weekday" },
    };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public void ProblemSaysWhyACalendarIsUnusable(string name, string expected)
    {
        Assert.Contains(expected, Bad(name).Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public void UnusableCalendarRefusesToMeasureTime(string name, string expected)
    {
        var calendar = Bad(name);

        var thrown = Assert.Throws<UnusableCalendarException>(() => calendar.AddWorkingTime(Utc(3, 10, 10, 0), TimeSpan.FromHours(1)));
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.Throws<UnusableCalendarException>(() => calendar.NextWorkingTime(Utc(3, 10, 10, 0)));
        Assert.Throws<UnusableCalendarException>(() => calendar.WorkingTimeBetween(Utc(3, 10, 10, 0), Utc(3, 11, 10, 0)));
        Assert.Throws<UnusableCalendarException>(() => calendar.IsWorkingTime(Utc(3, 10, 10, 0)));
    }

    private static WorkCalendar Bad(string name) => name switch
    {
        "unknown zone" => WorkCalendar.OfficeHours with { TimeZone = "Mars/Olympus" },
        "no zone" => WorkCalendar.OfficeHours with { TimeZone = " " },
        "end before start" => OnMondays(new WorkingHours(new TimeOnly(18, 0), new TimeOnly(9, 0))),
        "no hours at all" => OnMondays(new WorkingHours(new TimeOnly(9, 0), new TimeOnly(9, 0))),
        "no working weekday" => WorkCalendar.OfficeHours with { Week = new Dictionary<DayOfWeek, WorkingHours>() },
        "not a weekday" => WorkCalendar.OfficeHours with
        {
            Week = new Dictionary<DayOfWeek, WorkingHours> { [(DayOfWeek)9] = new(new TimeOnly(9, 0), new TimeOnly(18, 0)) },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such bad calendar."),
    };

    private static WorkCalendar OnMondays(WorkingHours hours) =>
        WorkCalendar.OfficeHours with { Week = new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Monday] = hours } };

    private static WorkCalendar Named(string name) => name switch
    {
        "office hours" => WorkCalendar.OfficeHours,
        "christmas" => Christmas,
        "berlin" => Berlin with { Holidays = [new DateOnly(2025, 12, 24)] },
        "nights" => new WorkCalendar(
            "America/New_York",
            new Dictionary<DayOfWeek, WorkingHours>
            {
                [DayOfWeek.Tuesday] = new(new TimeOnly(20, 0), TimeOnly.MaxValue),
                [DayOfWeek.Wednesday] = WorkingHours.WholeDay,
                [DayOfWeek.Thursday] = new(TimeOnly.MinValue, new TimeOnly(3, 30)),
                [DayOfWeek.Saturday] = new(new TimeOnly(11, 15), new TimeOnly(11, 45)),
            },
            [new DateOnly(2025, 12, 31)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such calendar."),
    };

    private static readonly TimeSpan[] Amounts =
    [
        TimeSpan.Zero,
        TimeSpan.FromTicks(1),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(9),
        TimeSpan.FromHours(13.5),
        TimeSpan.FromHours(40),
        TimeSpan.FromDays(9),
    ];

    private static IEnumerable<DateTimeOffset> Instants(DateTimeOffset first, int count, TimeSpan step) =>
        Enumerable.Range(0, count).Select(i => first + (step * i));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);
}
