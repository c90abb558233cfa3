using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Common;

/// <summary>
/// Concurrent edits: a department's or an operator's answer carries its version as an <c>ETag</c>, and a change names the
/// version it was made on in <c>If-Match</c> (or <c>*</c> for whichever is current). A change made on an old version is
/// refused with 412, one without <c>If-Match</c> with 428, so no edit silently overwrites another.
/// </summary>
internal static class Versions
{
    private const string Header = "If-Match";

    /// <summary>Sets the answer's <c>ETag</c> to <paramref name="version"/>.</summary>
    public static void Tag(HttpContext http, long version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>The version <c>If-Match</c> names (<see langword="null"/> for <c>*</c>), or the refusal of a request without a usable one.</summary>
    public static (long? Expected, IResult? Refusal) Expected(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Headers[Header].ToString().Trim();
        if (value.Length == 0)
        {
            return (null, TypedResults.Problem(
                $"Send the version you changed as {Header}: the ETag of your last read, or * for whichever is current.",
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Which version?"));
        }

        if (value == "*")
        {
            return (null, null);
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Header] = ["An ETag as this API sends it (\"3\"), or *."] }, title: "The request has invalid fields"));
    }
}
