using Helpdesk.Grains.Directory;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;

namespace Helpdesk.Api.Reports;

/// <summary>Reads the department day grains of a period: every department the directory lists, every day, together.</summary>
internal static class DepartmentDays
{
    /// <summary>The departments the directory lists.</summary>
    public static Task<IReadOnlyList<string>> DepartmentsAsync(IGrainFactory grains) =>
        grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Departments).ListAsync();

    /// <summary>The counters of each department on each day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static Task<DayCounters[]> CountersAsync(IGrainFactory grains, IEnumerable<string> departments, DateOnly from, DateOnly to) =>
        Task.WhenAll(Keys(departments, from, to).Select(key => grains.GetGrain<IDepartmentDayGrain>(key).GetAsync()));

    /// <summary>The violations each department recorded on each day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static async Task<IEnumerable<SlaViolation>> ViolationsAsync(IGrainFactory grains, IEnumerable<string> departments, DateOnly from, DateOnly to)
    {
        var days = await Task.WhenAll(Keys(departments, from, to).Select(key => grains.GetGrain<IDepartmentDayGrain>(key).ViolationsAsync()));
        return days.SelectMany(violations => violations);
    }

    private static IEnumerable<string> Keys(IEnumerable<string> departments, DateOnly from, DateOnly to)
    {
        var days = Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays).ToList();
        return departments.SelectMany(department => days.Select(day => ReportKeys.DepartmentDay(department, day)));
    }
}
