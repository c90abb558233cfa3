using Helpdesk.Api.Reports;
using Helpdesk.Grains.Contacts;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>CSV is RFC 4180: a header, CRLF line ends, quoted fields where needed; cells read as the JSON answer does.</summary>
public sealed class CsvTests
{
    [Fact]
    public void OneTableHasNoSectionColumn()
    {
        var csv = Csv.Write([new CsvTable("only", ["id"], ["count"], [["a", 1], ["b", 2]])]);

        Assert.Equal("id,count\r\na,1\r\nb,2\r\n", csv);
    }

    [Fact]
    public void SeveralTablesShareOneHeaderKeysFirstAndLeaveOtherColumnsEmpty()
    {
        var csv = Csv.Write(
        [
            new CsvTable("totals", [], ["created"], [[3]]),
            new CsvTable("channels", ["channel"], ["created", "closed"], [["chat", 2, 1]]),
        ]);

        Assert.Equal("section,channel,created,closed\r\ntotals,,3,\r\nchannels,chat,2,1\r\n", csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1,2", "\"'+1,2\"")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("", "")]
    public void TextIsQuotedWhenItMustBeAndNeverRunsAsAFormula(string text, string field)
    {
        var csv = Csv.Write([new CsvTable("t", [], ["text"], [[text]])]);

        Assert.Equal($"text\r\n{field}\r\n", csv);
    }

    [Fact]
    public void CellsReadAsTheirJsonDoes()
    {
        var csv = Csv.Write(
        [
            new CsvTable(
                "t",
                ["status", "day", "at"],
                ["share", "negative", "missing", "flag"],
                [[ContactStatus.WaitingForCustomer, new DateOnly(2026, 1, 5), new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero), 0.125, -2, null, true]]),
        ]);

        Assert.Equal("status,day,at,share,negative,missing,flag\r\nwaiting_for_customer,2026-01-05,2026-01-05T09:30:00+00:00,0.125,-2,,true\r\n", csv);
    }

    [Fact]
    public void AnInstantWithFractionsAndAnOffsetKeepsThem()
    {
        var csv = Csv.Write([new CsvTable("t", [], ["at"], [[new DateTimeOffset(2026, 1, 5, 9, 30, 0, 250, TimeSpan.FromHours(2))]])]);

        Assert.Equal("at\r\n2026-01-05T09:30:00.25+02:00\r\n", csv);
    }
}
