using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Api.Reports;

/// <summary>Answers a report as JSON, or as CSV when the request's <c>Accept</c> header prefers <c>text/csv</c>.</summary>
internal static class ReportFormat
{
    /// <summary>The report as JSON or as the CSV of its tables; either way the answer varies by <c>Accept</c>.</summary>
    public static IResult Answer<T>(HttpRequest request, T report, Func<T, IReadOnlyList<CsvTable>> tables)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tables);
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        return PrefersCsv(request) ? TypedResults.Text(Csv.Write(tables(report)), Csv.ContentType) : TypedResults.Ok(report);
    }

    /// <summary>
    /// Whether the best range of <c>Accept</c> that either format matches is a CSV one: highest quality first, then the
    /// most specific (<c>text/csv</c> over <c>text/*</c> over <c>*/*</c>), then the first listed. JSON otherwise.
    /// </summary>
    public static bool PrefersCsv(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var best = request.GetTypedHeaders().Accept
            .Select((range, order) => (Csv: Matches(range), Quality: range.Quality ?? 1, Specificity: Specificity(range), Order: order))
            .Where(choice => choice.Csv is not null && choice.Quality > 0)
            .OrderByDescending(choice => choice.Quality)
            .ThenByDescending(choice => choice.Specificity)
            .ThenBy(choice => choice.Order)
            .FirstOrDefault();
        return best.Csv == true;
    }

    /// <summary><see langword="true"/> for a CSV range, <see langword="false"/> for a JSON one, <see langword="null"/> for neither.</summary>
    private static bool? Matches(MediaTypeHeaderValue range) =>
        range.MediaType.Value?.ToLowerInvariant() switch
        {
            Csv.MediaType or "text/*" => true,
            "application/json" or "application/*" or "*/*" => false,
            _ => null,
        };

    private static int Specificity(MediaTypeHeaderValue range) => range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
}
