using Helpdesk.Grains.Common;
using Helpdesk.Grains.Directory;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Api.Common;

/// <summary>Lists the grains a directory names, a page at a time.</summary>
/// <remarks>
/// A page is a JSON array in id order; when more follow, a <c>Link</c> header (<c>rel="next"</c>) names the next page,
/// whose cursor is the last id of this one, so entries added meanwhile are neither skipped nor repeated.
/// </remarks>
internal static class Listing
{
    /// <summary>The entries a page holds when the request names no <c>limit</c>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most entries a page may hold.</summary>
    public const int MaxLimit = 500;

    /// <summary>
    /// The page of <paramref name="directory"/> after <paramref name="after"/>, at most <paramref name="limit"/> grains
    /// fetched together; ids whose grain is gone are left out.
    /// </summary>
    public static async Task<Results<Ok<List<T>>, ValidationProblem>> PageAsync<T>(
        HttpContext http,
        IGrainFactory grains,
        string directory,
        int? limit,
        string? after,
        Func<string, Task<Reply<T>>> get)
    {
        ArgumentNullException.ThrowIfNull(http);
        var check = new Validator();
        var size = ReadPage(check, limit, after);
        if (!check.IsValid)
        {
            return check.ValidationProblem();
        }

        // One more than the page, to know whether another follows.
        var ids = await grains.GetGrain<IDirectoryGrain>(directory).PageAsync(after, size + 1);
        var page = ids.Take(size).ToList();
        if (ids.Count > size)
        {
            LinkNext(http, size, page[^1]);
        }

        var replies = await Task.WhenAll(page.Select(get));
        return TypedResults.Ok<List<T>>([.. replies.Where(reply => reply.Value is not null).Select(reply => reply.Value!)]);
    }

    /// <summary>A page's size from <c>limit</c> (1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when absent), and its cursor <c>after</c> checked as an id.</summary>
    public static int ReadPage(Validator check, int? limit, string? after)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (after is not null)
        {
            check.Id("after", after);
        }

        return check.Range("limit", limit, 1, MaxLimit, DefaultLimit);
    }

    /// <summary>Names the next page in a <c>Link</c> header: the request's own query with <c>limit</c> and <c>after</c> set.</summary>
    public static void LinkNext(HttpContext http, int limit, string after)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString());
        query["limit"] = $"{limit}";
        query["after"] = after;
        http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(http.Request.Path, query)}>; rel=\"next\"";
    }
}
