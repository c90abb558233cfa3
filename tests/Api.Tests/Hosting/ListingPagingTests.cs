using System.Net;
using System.Text.Json;
using Helpdesk.Api.Tests.Departments;

namespace Helpdesk.Api.Tests.Hosting;

/// <summary>Listings a page at a time, in id order, the next page named by the Link header, in memory and on PostgreSQL.</summary>
public sealed class ListingPagingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListingsComeAPageAtATimeInIdOrderWithTheNextPageInTheLinkHeader(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "paging");
        foreach (var id in new[] { "d5", "d1", "d3", "d2", "d4" })
        {
            await server.PostOkAsync<JsonElement>("/api/departments", new { id, name = id });
        }

        List<string[]> pages = [];
        for (var next = "/api/departments?limit=2"; next is not null;)
        {
            using var response = await server.Client.GetAsync(new Uri(next, UriKind.Relative));
            var page = await HelpdeskServer.ReadOkAsync<JsonElement>(response);
            pages.Add([.. page.EnumerateArray().Select(department => department.GetProperty("id").GetString()!)]);
            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(Assert.Single(links)) : null;

            // An entry added behind the cursor is not repeated; one ahead of it is on a later page.
            if (pages.Count == 1)
            {
                await server.PostOkAsync<JsonElement>("/api/departments", new { id = "d0", name = "d0" });
                await server.PostOkAsync<JsonElement>("/api/departments", new { id = "d6", name = "d6" });
            }
        }

        Assert.Equal([["d1", "d2"], ["d3", "d4"], ["d5", "d6"]], pages);
    }

    [Fact]
    public async Task TheOperatorsComeAPageAtATimeToo()
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres: false, "paging");
        await server.PostOkAsync<JsonElement>("/api/departments", new { id = "support", name = "Support" });
        await server.PostOkAsync<JsonElement>("/api/operators", new { id = "bob", line = "l1", departments = new[] { "support" } });
        await server.PostOkAsync<JsonElement>("/api/operators", new { id = "ann", line = "l1", departments = new[] { "support" } });

        using var first = await server.Client.GetAsync(new Uri("/api/operators?limit=1", UriKind.Relative));
        using var rest = await server.Client.GetAsync(new Uri(NextOf(Assert.Single(first.Headers.GetValues("Link"))), UriKind.Relative));

        Assert.Equal("ann", (await HelpdeskServer.ReadOkAsync<JsonElement>(first))[0].GetProperty("id").GetString());
        Assert.Equal("bob", Assert.Single((await HelpdeskServer.ReadOkAsync<JsonElement>(rest)).EnumerateArray()).GetProperty("id").GetString());
        Assert.False(rest.Headers.Contains("Link"));
    }

    /// <summary>A department's queue, in serving order, a page at a time: the highest priority first, then the longest waiting.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADepartmentsQueueComesAPageAtATimeInServingOrder(bool onPostgres)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres, "paging");
        await server.PostOkAsync<JsonElement>("/api/departments", new { id = "support", name = "Support" });
        var ids = new List<string>();
        foreach (var (customer, priority) in new[] { ("c1", 3), ("c2", 3), ("c3", 5), ("c4", 3), ("c5", 3) })
        {
            var receipt = await server.PostOkAsync<JsonElement>("/api/contacts", new { customerId = customer, channel = "chat", topic = "t", department = "support", priority });
            ids.Add(receipt.GetProperty("id").GetString()!);
        }

        List<string[]> pages = [];
        for (var next = "/api/departments/support/queue?limit=2"; next is not null;)
        {
            using var response = await server.Client.GetAsync(new Uri(next, UriKind.Relative));
            var page = await HelpdeskServer.ReadOkAsync<JsonElement>(response);
            pages.Add([.. page.EnumerateArray().Select(waiting => waiting.GetProperty("contactId").GetString()!)]);
            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(Assert.Single(links)) : null;
        }

        using var unknown = await server.Client.GetAsync(new Uri("/api/departments/nowhere/queue", UriKind.Relative));

        Assert.Equal([[ids[2], ids[0]], [ids[1], ids[3]], [ids[4]]], pages);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/departments?limit=0", "limit")]
    [InlineData("/api/departments?limit=501", "limit")]
    [InlineData("/api/operators?after=two%20words", "after")]
    [InlineData("/api/departments/support/queue?limit=0", "limit")]
    public async Task ABadPageIsRefusedNamingTheParameter(string path, string field)
    {
        await using var server = await HelpdeskServer.StartAsync(onPostgres: false, "paging");

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        var errors = await ProblemAssert.NamesFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
    }

    /// <summary>The target of a <c>Link: &lt;…&gt;; rel="next"</c> header.</summary>
    private static string NextOf(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
