using System.Globalization;

namespace Helpdesk.Grains.Reports;

/// <summary>The keys of the report grains: <c>{department}:{yyyy-MM-dd}</c> and <c>{operator}:{yyyy-MM}</c>, in UTC.</summary>
/// <remarks>Ids may hold <c>:</c> themselves, so a key splits at its last one.</remarks>
public static class ReportKeys
{
    /// <summary>The key of <paramref name="department"/>'s counters for <paramref name="day"/>.</summary>
    public static string DepartmentDay(string department, DateOnly day) =>
        $"{department}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The key of <paramref name="department"/>'s counters for the UTC day of <paramref name="at"/>.</summary>
    public static string DepartmentDay(string department, DateTimeOffset at) => DepartmentDay(department, DayOf(at));

    /// <summary>The key of <paramref name="operatorId"/>'s counters for <paramref name="month"/> (<c>yyyy-MM</c>).</summary>
    public static string OperatorMonth(string operatorId, string month) => $"{operatorId}:{month}";

    /// <summary>The key of <paramref name="operatorId"/>'s counters for the UTC month of <paramref name="at"/>.</summary>
    public static string OperatorMonth(string operatorId, DateTimeOffset at) => OperatorMonth(operatorId, MonthOf(at));

    /// <summary>The UTC day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The UTC month of an instant, <c>yyyy-MM</c>.</summary>
    public static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month of a day, <c>yyyy-MM</c>.</summary>
    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The department and day a department day key names.</summary>
    internal static (string Department, DateOnly Day) ParseDepartmentDay(string key)
    {
        var (department, day) = Split(key);
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? (department, parsed)
            : throw new ArgumentException($"'{key}' is not a department day key: use {{department}}:{{yyyy-MM-dd}}.", nameof(key));
    }

    /// <summary>The operator and month an operator month key names.</summary>
    internal static (string OperatorId, string Month) ParseOperatorMonth(string key)
    {
        var (operatorId, month) = Split(key);
        return DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? (operatorId, month)
            : throw new ArgumentException($"'{key}' is not an operator month key: use {{operator}}:{{yyyy-MM}}.", nameof(key));
    }

    private static (string Id, string Period) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.LastIndexOf(':');
        return colon > 0 ? (key[..colon], key[(colon + 1)..]) : throw new ArgumentException($"'{key}' names no id before its period.", nameof(key));
    }
}
