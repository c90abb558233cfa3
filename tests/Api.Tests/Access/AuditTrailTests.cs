using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Access;

/// <summary>Supervisors' and admins' actions are kept, durably, and listed with filters a page at a time.</summary>
public sealed class AuditTrailTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ActionsAreRecordedWithWhoWhatAndFromWhereAndOutliveTheSilo(bool onPostgres)
    {
        var connectionString = onPostgres ? (await PostgresServer.Shared).ConnectionStringForNewSchema("audit") : null;
        await using (var server = await HelpdeskServer.StartAsync(connectionString))
        {
            await server.CreateDepartmentAsync("support");
            await server.CreateDepartmentAsync("billing");
            await server.CreateOperatorAsync("ana", "l1", "support");
            using var head = await server.ClientAsAsync("supervisor", "head-of-support");
            await HelpdeskServer.PostOkAsync<JsonElement>(head, "/api/operators/ana/move", new { department = "billing", reason = "billing is swamped" });
            using var refused = await head.PostAsJsonAsync("/api/operators/nobody/move", new { department = "billing" });
            await head.GetAsync(new Uri("/api/operators/ana", UriKind.Relative));

            var moves = await server.GetOkAsync<JsonElement[]>("/api/audit?actor=head-of-support");

            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(
                [("POST /api/operators/{id}/move", "/api/operators/ana/move", 200), ("POST /api/operators/{id}/move", "/api/operators/nobody/move", 404)],
                moves.Select(entry => (entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString(), entry.GetProperty("status").GetInt32())));
            Assert.All(moves, entry => Assert.Equal(("supervisor", "127.0.0.1"), (entry.GetProperty("role").GetString(), entry.GetProperty("from").GetString())));
        }

        if (onPostgres)
        {
            await using var restarted = await HelpdeskServer.StartAsync(connectionString);
            var kept = await restarted.GetOkAsync<JsonElement[]>("/api/audit?action=move");
            Assert.Equal(2, kept.Length);
        }
    }

    [Fact]
    public async Task TheTrailIsFilteredAndPaged()
    {
        await using var server = await HelpdeskServer.StartAsync();
        foreach (var id in new[] { "d1", "d2", "d3" })
        {
            await server.CreateDepartmentAsync(id);
        }

        await server.PostOkAsync<JsonElement>("/api/credentials", new { name = "crm", role = "integration" });

        using var first = await server.Client.GetAsync(new Uri("/api/audit?action=departments&limit=2", UriKind.Relative));
        var firstPage = await HelpdeskServer.ReadOkAsync<JsonElement[]>(first);
        var next = first.Headers.GetValues("Link").Single();
        var rest = await server.GetOkAsync<JsonElement[]>(next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        var credentials = await server.GetOkAsync<JsonElement[]>("/api/audit?action=credentials");
        var none = await server.GetOkAsync<JsonElement[]>($"/api/audit?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}");
        using var badSpan = await server.Client.GetAsync(new Uri("/api/audit?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z", UriKind.Relative));
        using var numberedRole = await server.Client.GetAsync(new Uri("/api/audit?role=3", UriKind.Relative));
        var admins = await server.GetOkAsync<JsonElement[]>("/api/audit?role=admin");

        Assert.Equal(["/api/departments", "/api/departments"], firstPage.Select(entry => entry.GetProperty("target").GetString()));
        Assert.Single(rest);
        Assert.Equal(3, firstPage.Concat(rest).Select(entry => entry.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal("POST /api/credentials", Assert.Single(credentials).GetProperty("action").GetString());
        Assert.Empty(none);
        Assert.Contains("from", (await ProblemAssert.NamesFieldsAsync(badSpan, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["role"], (await ProblemAssert.NamesFieldsAsync(numberedRole, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(4, admins.Length);
    }
}
