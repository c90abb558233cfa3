using Helpdesk.Grains.Board;
using Helpdesk.Grains.Departments;

namespace Helpdesk.Grains.Tests.Board;

/// <summary>How far behind a department's tile says it is.</summary>
public sealed class DepartmentAlarmTests
{
    private const double Goal = 0.8;

    [Theory]
    [InlineData(0, 0.0, 0.2, Alarm.Ok)]
    [InlineData(0, 300.0, null, Alarm.Ok)]
    [InlineData(2, 10.0, 0.9, Alarm.Ok)]
    [InlineData(2, 10.0, null, Alarm.Ok)]
    [InlineData(2, 25.0, 0.9, Alarm.Behind)]
    [InlineData(2, 10.0, 0.75, Alarm.Behind)]
    [InlineData(2, 61.0, 0.9, Alarm.Critical)]
    [InlineData(2, 10.0, 0.59, Alarm.Critical)]
    public void OnlyADepartmentWithContactsWaitingFallsBehind(int waiting, double longestWait, double? serviceLevel, Alarm expected) =>
        Assert.Equal(expected, DepartmentAlarm.Of(Load(waiting, longestWait, serviceLevel), Goal));

    private static LoadFigures Load(int waiting, double longestWait, double? serviceLevel) =>
        new(0, 0, waiting, longestWait, 0, 4, 1, serviceLevel, 10, 0, 0, 20, new Dictionary<int, int>(), 4, 300, new LoadForecast(0, 0, 0, 0, 1, 0));
}
