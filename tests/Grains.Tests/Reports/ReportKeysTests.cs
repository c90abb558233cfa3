using Helpdesk.Grains.Reports;

namespace Helpdesk.Grains.Tests.Reports;

/// <summary>Report grain keys name the UTC day or month, and ids holding colons survive the round trip.</summary>
public sealed class ReportKeysTests
{
    [Fact]
    public void AnInstantCountsOnItsUtcDayAndMonth()
    {
        var lateInBerlin = new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal("support:2026-01-31", ReportKeys.DepartmentDay("support", lateInBerlin));
        Assert.Equal("ana:2026-01", ReportKeys.OperatorMonth("ana", lateInBerlin));
    }

    [Fact]
    public void KeysSplitAtTheirLastColon()
    {
        Assert.Equal(("eu:support", new DateOnly(2026, 1, 5)), ReportKeys.ParseDepartmentDay(ReportKeys.DepartmentDay("eu:support", new DateOnly(2026, 1, 5))));
        Assert.Equal(("team:ana", "2026-01"), ReportKeys.ParseOperatorMonth(ReportKeys.OperatorMonth("team:ana", "2026-01")));
    }

    [Theory]
    [InlineData("support")]
    [InlineData(":2026-01-05")]
    [InlineData("support:2026-13-01")]
    [InlineData("support:2026-01")]
    public void AKeyThatNamesNoDepartmentDayIsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => ReportKeys.ParseDepartmentDay(key));

    [Theory]
    [InlineData("ana")]
    [InlineData("ana:2026-1")]
    [InlineData("ana:2026-01-05")]
    public void AKeyThatNamesNoOperatorMonthIsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => ReportKeys.ParseOperatorMonth(key));
}
