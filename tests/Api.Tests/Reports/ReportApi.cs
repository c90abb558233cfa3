using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Helpdesk.Grains.Reports;
using Helpdesk.Grains.Sla;
using Helpdesk.Grains.Supervision;
using Helpdesk.Testing;

namespace Helpdesk.Api.Tests.Reports;

/// <summary>Feeds report grains the way contacts, operators and SLA timers do, and reads reports as JSON or CSV.</summary>
internal static class ReportApi
{
    /// <summary>A server on a manual clock, by default standing at Monday 2026-01-05 09:00 UTC, so "today" and "this month" are known.</summary>
    public static Task<HelpdeskServer> StartAsync(ManualTimeProvider? clock = null) => HelpdeskServer.StartAsync(time: clock ?? new ManualTimeProvider());

    /// <summary>Sends each fact one way to its department's day grain, as the contact and operator grains do.</summary>
    public static async Task RecordAsync(this HelpdeskServer server, params ContactFact[] facts)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var fact in facts)
        {
            await server.Grains.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(fact.Department, fact.At)).RecordAsync(fact);
        }
    }

    /// <summary>Sends each fact one way to its operator's month grain.</summary>
    public static async Task RecordForOperatorAsync(this HelpdeskServer server, params ContactFact[] facts)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var fact in facts)
        {
            await server.Grains.GetGrain<IOperatorMonthGrain>(ReportKeys.OperatorMonth(fact.OperatorId!, fact.At)).RecordAsync(fact);
        }
    }

    /// <summary>Records a violation with its department's day grain, as the contact's SLA timer does.</summary>
    public static Task<bool> AddViolationAsync(this HelpdeskServer server, SlaViolation violation)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(violation);
        return server.Grains.GetGrain<IDepartmentDayGrain>(ReportKeys.DepartmentDay(violation.Department, violation.At)).AddViolationAsync(violation);
    }

    /// <summary>GETs <paramref name="path"/>, asking for <paramref name="accept"/> when given.</summary>
    public static async Task<Answer> GetAsync(this HelpdeskServer server, string path, string? accept = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await server.Client.SendAsync(request);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads <paramref name="path"/> as JSON until it is <paramref name="expected"/>: facts land one way, a moment later.</summary>
    public static async Task<string> JsonUntilAsync(this HelpdeskServer server, string path, string expected)
    {
        var wanted = JsonNode.Parse(expected);
        var answer = await Eventually.ReadAsync(
            () => server.GetAsync(path),
            answer => answer.Status == HttpStatusCode.OK && JsonNode.DeepEquals(wanted, JsonNode.Parse(answer.Body)),
            $"GET {path} to answer {wanted?.ToJsonString()}",
            answer => $"{(int)answer.Status} {answer.Body}");
        return answer.Body;
    }

    /// <summary>Reads <paramref name="path"/> as CSV, asserting a 200 in <c>text/csv</c> UTF-8, and returns its text.</summary>
    public static async Task<string> CsvAsync(this HelpdeskServer server, string path, string accept = "text/csv")
    {
        var answer = await server.GetAsync(path, accept);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path} as CSV answered {(int)answer.Status}: {answer.Body}");
        Assert.Equal("text/csv", answer.ContentType?.MediaType);
        Assert.Equal("utf-8", answer.ContentType?.CharSet);
        return answer.Body;
    }

    /// <summary>The notices on the supervisors' feed once <paramref name="done"/> holds for them: grains publish one way, so notices arrive a moment after what caused them.</summary>
    public static Task<IReadOnlyList<SupervisorNotice>> NoticesAsync(this HelpdeskServer server, Func<IReadOnlyList<SupervisorNotice>, bool> done, string expectation)
    {
        ArgumentNullException.ThrowIfNull(server);
        var feed = server.Grains.GetGrain<ISupervisorFeedGrain>(ISupervisorFeedGrain.Center);
        return Eventually.ReadAsync(
            () => feed.WatchAsync(0, TimeSpan.Zero),
            done,
            expectation,
            notices => string.Join("; ", notices.Select(notice => notice.Summary)));
    }

    /// <summary>An HTTP answer, read.</summary>
    internal sealed record Answer(HttpStatusCode Status, MediaTypeHeaderValue? ContentType, string Body);
}
