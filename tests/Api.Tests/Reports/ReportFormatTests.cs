using Helpdesk.Api.Reports;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>Reports answer CSV only when the Accept header prefers it, by quality, then specificity, then order.</summary>
public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("text/csv", true)]
    [InlineData("TEXT/CSV; charset=utf-8", true)]
    [InlineData("text/*", true)]
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData("application/xml", false)]
    [InlineData("application/xml, text/csv;q=0.1", true)]
    [InlineData("text/csv;q=0.5, application/json", false)]
    [InlineData("application/json;q=0.5, text/csv", true)]
    [InlineData("application/json, text/csv", false)]
    [InlineData("text/csv, application/json", true)]
    [InlineData("*/*, text/csv", true)]
    [InlineData("text/csv;q=0", false)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false)]
    public void CsvIsChosenOnlyWhenItIsTheBestAcceptableFormat(string? accept, bool csv)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        Assert.Equal(csv, ReportFormat.PrefersCsv(context.Request));
    }
}
