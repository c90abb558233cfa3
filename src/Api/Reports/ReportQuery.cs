using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Api.Common;

namespace Helpdesk.Api.Reports;

/// <summary>Reads the query parameters of reports: UTC days, months, instants and periods, each error named by its field.</summary>
/// <remarks>
/// Parameters arrive as text and are parsed here, so a bad one is a field-by-field 400 rather than a binding failure.
/// An empty one (<c>?date=</c>, as a form sends it) counts as absent.
/// </remarks>
internal static partial class ReportQuery
{
    /// <summary>The longest period a report or a violation query may span, in days.</summary>
    public const int MaxDays = 366;

    /// <summary>The most request reasons per category a report lists.</summary>
    public const int MaxTop = 50;

    private static readonly DateOnly FirstDay = new(1970, 1, 1);
    private static readonly DateOnly LastDay = new(9998, 12, 31);

    /// <summary>The UTC day of <paramref name="time"/>'s now.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>A day as <c>yyyy-MM-dd</c>.</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC day, <c>yyyy-MM-dd</c>, or <paramref name="fallback"/> when absent.</summary>
    public static DateOnly Day(this Validator check, string field, string? value, DateOnly fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            check.Add(field, "Use a date, yyyy-MM-dd.");
            return fallback;
        }

        return InRange(check, field, day) ? day : fallback;
    }

    /// <summary>A UTC month, <c>yyyy-MM</c>, or the month of <paramref name="today"/> when absent: its first and last day.</summary>
    public static (DateOnly First, DateOnly Last) Month(this Validator check, string field, string? value, DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrEmpty(value))
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                check.Add(field, "Use a month, yyyy-MM.");
            }
            else if (InRange(check, field, parsed))
            {
                first = parsed;
            }
        }

        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// An instant with its offset (<c>2026-01-05T09:30:00Z</c>; none means UTC) or a UTC day (<c>2026-01-05</c>), which
    /// stands for its start, or for its end when <paramref name="end"/>; <paramref name="fallback"/> when absent.
    /// </summary>
    public static DateTimeOffset Instant(this Validator check, string field, string? value, bool end, DateTimeOffset fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return InRange(check, field, day) ? StartOf(end ? day.AddDays(1) : day) : fallback;
        }

        // A '+' of an offset that was not escaped in the query string arrives as a space.
        var text = value.Replace(' ', '+');
        if (!IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            check.Add(field, "Use an instant, e.g. 2026-01-05T09:30:00Z, or a date, yyyy-MM-dd.");
            return fallback;
        }

        return InRange(check, field, DateOnly.FromDateTime(instant.UtcDateTime)) ? instant.ToUniversalTime() : fallback;
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/>, both included, checked for order and length.</summary>
    public static void Span(this Validator check, string field, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            check.Add(field, "Must not be before from.");
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            check.Add(field, $"The period spans {to.DayNumber - from.DayNumber + 1} days; ask for at most {MaxDays}.");
        }
    }

    /// <summary>How many request reasons per category, 1–<see cref="MaxTop"/>, or <paramref name="fallback"/>.</summary>
    public static int Top(this Validator check, string field, string? value, int fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > MaxTop)
        {
            check.Add(field, $"Use a whole number from 1 to {MaxTop}.");
            return fallback;
        }

        return top;
    }

    /// <summary>An optional id; <see langword="null"/> when absent.</summary>
    public static string? OptionalId(this Validator check, string field, string? value) =>
        string.IsNullOrEmpty(value) ? null : check.Id(field, value);

    /// <summary>The start of a UTC day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static bool InRange(Validator check, string field, DateOnly day)
    {
        if (day < FirstDay || day > LastDay)
        {
            check.Add(field, $"Must be from {Text(FirstDay)} to {Text(LastDay)}.");
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoInstant();
}
