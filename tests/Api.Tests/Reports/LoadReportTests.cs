using Helpdesk.Api.Tests.Departments;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Routing;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>The load report shows the arrival rhythm and each department's utilization over a period, over real HTTP.</summary>
public sealed class LoadReportTests
{
    private const string ExpectedCsv =
        "section,hour,weekday,month,department,days,arrivals,averagePerDay,staffedSeconds,busySeconds,utilization,underload\r\n" +
        "totals,,,,,4,4,,,,,\r\n" +
        "byHour,0,,,,,0,0,,,,\r\n" +
        "byHour,1,,,,,0,0,,,,\r\n" +
        "byHour,2,,,,,0,0,,,,\r\n" +
        "byHour,3,,,,,0,0,,,,\r\n" +
        "byHour,4,,,,,0,0,,,,\r\n" +
        "byHour,5,,,,,0,0,,,,\r\n" +
        "byHour,6,,,,,0,0,,,,\r\n" +
        "byHour,7,,,,,0,0,,,,\r\n" +
        "byHour,8,,,,,0,0,,,,\r\n" +
        "byHour,9,,,,,3,0.75,,,,\r\n" +
        "byHour,10,,,,,0,0,,,,\r\n" +
        "byHour,11,,,,,0,0,,,,\r\n" +
        "byHour,12,,,,,0,0,,,,\r\n" +
        "byHour,13,,,,,0,0,,,,\r\n" +
        "byHour,14,,,,,1,0.25,,,,\r\n" +
        "byHour,15,,,,,0,0,,,,\r\n" +
        "byHour,16,,,,,0,0,,,,\r\n" +
        "byHour,17,,,,,0,0,,,,\r\n" +
        "byHour,18,,,,,0,0,,,,\r\n" +
        "byHour,19,,,,,0,0,,,,\r\n" +
        "byHour,20,,,,,0,0,,,,\r\n" +
        "byHour,21,,,,,0,0,,,,\r\n" +
        "byHour,22,,,,,0,0,,,,\r\n" +
        "byHour,23,,,,,0,0,,,,\r\n" +
        "byWeekday,,monday,,,1,1,1,,,,\r\n" +
        "byWeekday,,tuesday,,,0,0,0,,,,\r\n" +
        "byWeekday,,wednesday,,,0,0,0,,,,\r\n" +
        "byWeekday,,thursday,,,0,0,0,,,,\r\n" +
        "byWeekday,,friday,,,1,2,2,,,,\r\n" +
        "byWeekday,,saturday,,,1,1,1,,,,\r\n" +
        "byWeekday,,sunday,,,1,0,0,,,,\r\n" +
        "byMonth,,,2026-01,,4,4,1,,,,\r\n" +
        "departments,,,,billing,,,,7200,1800,0.25,0.75\r\n" +
        "departments,,,,support,,,,14400,7200,0.5,0.5\r\n";

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    private static ContactFact Arrival(DateTimeOffset at, string department) => new(FactKind.Created, at, department, Channel: Channel.Chat);

    private static ContactFact Work(FactKind kind, DateTimeOffset at, string department, string operatorId, double hours) =>
        new(kind, at, department, OperatorId: operatorId, Duration: TimeSpan.FromHours(hours));

    private static async Task<HelpdeskServer> ScriptedWeekendAsync()
    {
        var server = await ReportApi.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.CreateDepartmentAsync("billing");
        await server.RecordAsync(
            Arrival(At(2, 9), "support"),
            Arrival(At(2, 9, 30), "support"),
            Arrival(At(3, 14), "billing"),
            Arrival(At(5, 9), "support"),
            Arrival(At(6, 9), "support"),
            Work(FactKind.Staffed, At(5, 17), "support", "ana", 4),
            Work(FactKind.Handled, At(5, 12), "support", "ana", 2),
            Work(FactKind.Staffed, At(3, 17), "billing", "bo", 2),
            Work(FactKind.Handled, At(3, 15), "billing", "bo", 0.5));
        await Eventually.ReadAsync(
            () => server.GetOkAsync<LoadReport>("/api/reports/load?from=2026-01-02&to=2026-01-06"),
            load => load.Arrivals == 5 && load.Departments.All(row => row.Utilization is not null),
            "the load report to count all five arrivals and both departments' work",
            load => $"{load.Arrivals} arrivals, {string.Join(", ", load.Departments)}");
        return server;
    }

    [Fact]
    public async Task LoadShowsArrivalsByHourWeekdayAndMonthAndUtilizationPerDepartment()
    {
        await using var server = await ScriptedWeekendAsync();

        var load = await server.GetOkAsync<LoadReport>("/api/reports/load?from=2026-01-02&to=2026-01-05");

        Assert.Equal((new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 5), 4, 4), (load.From, load.To, load.Days, load.Arrivals));
        Assert.Equal([new HourLoad(9, 3, 0.75), new HourLoad(14, 1, 0.25)], load.ByHour.Where(hour => hour.Arrivals > 0));
        Assert.Equal(Enumerable.Range(0, 24), load.ByHour.Select(hour => hour.Hour));
        Assert.Equal(new WeekdayLoad(DayOfWeek.Friday, 1, 2, 2), load.ByWeekday.Single(row => row.Weekday == DayOfWeek.Friday));
        Assert.Equal([new MonthLoad("2026-01", 4, 4, 1)], load.ByMonth);
        Assert.Equal(
            [new DepartmentUtilization("billing", 7200, 1800, 0.25, 0.75), new DepartmentUtilization("support", 14400, 7200, 0.5, 0.5)],
            load.Departments);
    }

    [Fact]
    public async Task LoadAsCsvIsOneTableWithASectionColumn()
    {
        await using var server = await ScriptedWeekendAsync();

        var csv = await server.CsvAsync("/api/reports/load?from=2026-01-02&to=2026-01-05", "application/json;q=0.5, text/csv");

        Assert.Equal(ExpectedCsv, csv);
    }

    [Fact]
    public async Task WithoutAPeriodLoadCoversThisMonthToDate()
    {
        await using var server = await ScriptedWeekendAsync();

        var load = await server.GetOkAsync<LoadReport>("/api/reports/load");

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5), 5, 4), (load.From, load.To, load.Days, load.Arrivals));
    }
}
