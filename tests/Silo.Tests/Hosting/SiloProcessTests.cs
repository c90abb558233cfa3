using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Testing;
using Xunit.Abstractions;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>Silos as real processes, started the way the README says, stopped with Ctrl-C or SIGTERM, or killed.</summary>
public sealed class SiloProcessTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task SiloProcessOnPostgreSqlBecomesReadyAndStopsCleanlyOnCtrlC()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("process");
        using var silo = SiloProcess.Start(connectionString, "process-test", "--Api:DrainDelay=00:00:00");

        await silo.WaitForLineAsync("Orleans Silo started");
        await silo.WaitForLineAsync("Now listening on");

        using var client = silo.Client();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await silo.SignalAsync(SiloProcess.Interrupt);
        await silo.WaitForExitAsync();
        Assert.Equal(0, silo.ExitCode);
        Assert.Contains(silo.Output.Lines, line => line.Contains("Orleans Silo stopped", StringComparison.Ordinal));
        Assert.Contains(silo.Output.Lines, line => line.Contains("on PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSiloProcessesFormAClusterAndTheSurvivorServesTheKilledSilosGrains()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("processes");
        using var first = SiloProcess.Start(connectionString, "proc-a", SiloProcess.FastFailover);
        await first.WaitForLineAsync("Orleans Silo started");
        await first.WaitForLineAsync("Now listening on");
        using var viaFirst = first.Client();
        var departments = Enumerable.Range(1, 20).Select(i => $"dept-{i}").ToList();
        foreach (var department in departments)
        {
            // Created while proc-a is the only silo, so their grains are all there when it is killed.
            using var created = await viaFirst.PostAsJsonAsync(new Uri("/api/departments", UriKind.Relative), new { id = department, name = department });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var second = SiloProcess.Start(connectionString, "proc-b", SiloProcess.FastFailover);
        await second.WaitForLineAsync("Orleans Silo started");
        await second.WaitForLineAsync("Now listening on");
        using var viaSecond = second.Client();
        foreach (var department in departments)
        {
            using var answered = await viaSecond.GetAsync(new Uri($"/api/departments/{department}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var both = await ClusterAsync(viaSecond);
        Assert.Equal(["proc-a", "proc-b"], both.Where(silo => silo.Live).Select(silo => silo.Name).Order());

        var sinceKill = Stopwatch.StartNew();
        await first.SignalAsync("KILL");
        await first.WaitForExitAsync();
        foreach (var department in departments)
        {
            await Eventually.HoldsAsync(
                async () => (await viaSecond.GetAsync(new Uri($"/api/departments/{department}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                $"department {department} answers through proc-b after proc-a was killed",
                TimeSpan.FromSeconds(60));
        }

        var failover = sinceKill.Elapsed;
        output.WriteLine($"Every department answered through proc-b {failover.TotalSeconds:0.0} s after proc-a was killed.");
        await Eventually.HoldsAsync(
            async () => (await viaSecond.GetAsync(new Uri("/api/cluster", UriKind.Relative))) is { StatusCode: HttpStatusCode.OK } answer
                && (await answer.Content.ReadFromJsonAsync<ClusterJson>(Json))!.Silos.Single(silo => silo.Name == "proc-a").Status == "dead",
            "proc-b's membership view shows proc-a dead",
            TimeSpan.FromSeconds(30));
        Assert.InRange(failover, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// A front end (<c>--role frontend</c>) started before its silos waits for them, then serves the README's flow as an
    /// Orleans client; killing one of the two silos behind it costs only requests answered 503 with <c>Retry-After</c>
    /// (or, rarely, 504 after the call timeout), which succeed when repeated.
    /// </summary>
    [Fact]
    public async Task FrontEndServesTheFlowThroughItsSilosAndAKilledSiloCostsOnlyRetriedRequests()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("frontend");
        using var frontEnd = SiloProcess.Start(connectionString, "front", "--role", "frontend", "--Api:DrainDelay=00:00:00");
        await frontEnd.WaitForLineAsync("A front end: no grains here");
        await frontEnd.WaitForLineAsync("Now listening on");
        using var api = frontEnd.Client();
        using (var waiting = await api.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        }

        using var first = SiloProcess.Start(connectionString, "fe-a", SiloProcess.FastFailover);
        using var second = SiloProcess.Start(connectionString, "fe-b", SiloProcess.FastFailover);
        await Eventually.HoldsAsync(
            async () => (await api.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK
                && (await ClusterAsync(api)).Count(silo => silo.Live) == 2,
            "the front end is ready and sees both silos active",
            SiloProcess.Patience);

        await SendAsync(api, HttpMethod.Post, "/api/departments", new { id = "billing", name = "Billing" }, HttpStatusCode.Created);
        await SendAsync(api, HttpMethod.Post, "/api/operators", new { id = "ann", line = "l1", departments = new[] { "billing" } }, HttpStatusCode.Created);
        var offer = WaitForEventAsync(frontEnd.Url, "/api/operators/ann/events", "event: offer");
        await SendAsync(api, HttpMethod.Put, "/api/operators/ann/presence", new { presence = "available" }, HttpStatusCode.OK);
        var contact = await SendAsync(api, HttpMethod.Post, "/api/contacts", new { customerId = "+15550100", channel = "phone", topic = "invoice twice", department = "billing" }, HttpStatusCode.Created);
        var id = contact.GetProperty("id").GetString();
        Assert.Equal("ann", contact.GetProperty("operatorId").GetString());
        Assert.Contains(id!, await offer.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        await SendAsync(api, HttpMethod.Post, $"/api/contacts/{id}/accept", new { operatorId = "ann" }, HttpStatusCode.OK);
        await SendAsync(api, HttpMethod.Post, $"/api/contacts/{id}/status", new { status = "solution_proposed", operatorId = "ann", note = "the second invoice is cancelled" }, HttpStatusCode.OK);
        var closed = await SendAsync(api, HttpMethod.Post, $"/api/contacts/{id}/status", new { status = "confirmed", customerId = "+15550100" }, HttpStatusCode.OK);
        Assert.Equal("confirmed", closed.GetProperty("status").GetString());

        var departments = Enumerable.Range(1, 20).Select(i => $"dept-{i}").ToList();
        foreach (var department in departments)
        {
            await SendAsync(api, HttpMethod.Post, "/api/departments", new { id = department, name = department }, HttpStatusCode.Created);
        }

        await second.SignalAsync("KILL");
        await second.WaitForExitAsync();
        var retried = 0;
        foreach (var department in departments)
        {
            retried += await RetriedUntilOkAsync(api, $"/api/departments/{department}", TimeSpan.FromSeconds(60));
        }

        retried += await RetriedUntilOkAsync(api, $"/api/contacts/{id}", TimeSpan.FromSeconds(60));
        output.WriteLine($"After fe-b was killed, {retried} requests through the front end were answered 503 or 504 and succeeded when repeated.");
        using var after = await api.GetAsync(new Uri($"/api/contacts/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("confirmed", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await frontEnd.SignalAsync("TERM");
        await frontEnd.WaitForExitAsync();
        Assert.Equal(0, frontEnd.ExitCode);
    }

    /// <summary>
    /// SIGTERM under load, with desktops on their event streams: readiness fails at once, every request sent meanwhile
    /// succeeds, the streams end with the stop notice after the drain delay, and the process exits 0 well within its stop timeout.
    /// </summary>
    [Fact]
    public async Task SigtermWithDesktopsConnectedDrainsThenExitsCleanly()
    {
        using var silo = SiloProcess.Start(null, "graceful", "--Api:DrainDelay=00:00:01");
        await silo.WaitForLineAsync("Orleans Silo started");
        await silo.WaitForLineAsync("Now listening on");
        using var client = silo.Client();
        using var created = await client.PostAsJsonAsync(new Uri("/api/departments", UriKind.Relative), new { id = "support", name = "support" });
        created.EnsureSuccessStatusCode();
        var desks = new List<Task<string[]>>();
        foreach (var name in (string[])["ann", "bob", "cyd"])
        {
            using var operatorCreated = await client.PostAsJsonAsync(new Uri("/api/operators", UriKind.Relative), new { id = name, line = "l1", departments = new[] { "support" } });
            operatorCreated.EnsureSuccessStatusCode();
            using var available = await client.PutAsJsonAsync(new Uri($"/api/operators/{name}/presence", UriKind.Relative), new { presence = "available" });
            available.EnsureSuccessStatusCode();
            desks.Add(ReadStreamAsync(silo.Url, $"/api/operators/{name}/events"));
        }

        var underLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(desk => ContactsUntilNotReadyAsync(client, $"line-{desk}", underLoad)));
        await underLoad.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = Stopwatch.StartNew();
        await silo.SignalAsync("TERM");
        var lines = await load;
        var sent = lines.Sum(line => line.Sent);
        var failures = lines.SelectMany(line => line.Failures).ToList();
        var streams = await Task.WhenAll(desks).WaitAsync(TimeSpan.FromSeconds(30));
        await silo.WaitForExitAsync();
        output.WriteLine($"{sent} contacts sent; the process exited {stopping.Elapsed.TotalSeconds:0.0} s after SIGTERM.");

        Assert.True(sent > 0, "The load should have sent contacts before the stop.");
        Assert.Empty(failures);
        Assert.All(streams, lines => Assert.Contains(": the silo is stopping; reconnect to resume", lines));
        // A keep-alive comes every 10 s of quiet; while the silo drains, a stream waits for its end rather than asking again and again.
        Assert.All(streams, lines => Assert.InRange(lines.Count(line => line == ": keep-alive"), 0, 2));
        Assert.Equal(0, silo.ExitCode);
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    /// <summary>Posts contacts, as an IVR would, until readiness fails as a load balancer would see it; returns how many were sent and the failures.</summary>
    /// <param name="client">The silo's client.</param>
    /// <param name="line">The IVR line sending, which names its customers.</param>
    /// <param name="underLoad">Set once this line has had 20 contacts answered.</param>
    private static async Task<(int Sent, List<string> Failures)> ContactsUntilNotReadyAsync(HttpClient client, string line, TaskCompletionSource underLoad)
    {
        List<string> failures = [];
        var sent = 0;
        while (true)
        {
            using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
            {
                if (ready.StatusCode != HttpStatusCode.OK)
                {
                    return (sent, failures);
                }
            }

            sent++;
            using var response = await client.PostAsJsonAsync(
                new Uri("/api/contacts", UriKind.Relative),
                new { customerId = $"{line}-customer-{sent}", channel = "chat", topic = "cannot log in", department = "support" });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failures.Add($"{line} contact {sent}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (sent == 20)
            {
                underLoad.TrySetResult();
            }
        }
    }

    /// <summary>Reads an event stream to its end and returns its lines; an error instead of a clean end fails the test.</summary>
    private static async Task<string[]> ReadStreamAsync(string url, string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan }.WithKey();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        List<string> lines = [];
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    /// <summary>Sends a JSON request and returns the answer's JSON, failing the test unless the status is <paramref name="expected"/>.</summary>
    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>
    /// GETs <paramref name="path"/> until it answers 200, as a client honouring <c>Retry-After</c> would; any answer but
    /// 200, a 503 with <c>Retry-After</c>, or a 504 fails the test. Returns how many times it was answered 503 or 504.
    /// </summary>
    /// <remarks>
    /// A 504 is a grain call that outwaited Orleans' 30 s response timeout: through a front end, a request that the
    /// Orleans client had sent to the gateway just killed is never answered nor rejected (seen once in about ten runs).
    /// </remarks>
    private static async Task<int> RetriedUntilOkAsync(HttpClient client, string path, TimeSpan patience)
    {
        var failed = 0;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }

                Assert.True(
                    response is { StatusCode: HttpStatusCode.ServiceUnavailable, Headers.RetryAfter: not null } or { StatusCode: HttpStatusCode.GatewayTimeout },
                    $"GET {path}: only 200, 503 with Retry-After or 504 may answer while a silo fails over; got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                failed++;
                return false;
            },
            $"GET {path} to answer 200",
            patience);
        return failed;
    }

    /// <summary>Reads an event stream until a line containing <paramref name="marker"/>; returns that line and the next (its data).</summary>
    private static async Task<string> WaitForEventAsync(string url, string path, string marker)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan }.WithKey();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line + Environment.NewLine + await reader.ReadLineAsync();
            }
        }

        throw new InvalidOperationException($"The stream {path} ended without '{marker}'.");
    }

    private static async Task<List<SiloJson>> ClusterAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ClusterJson>(new Uri("/api/cluster", UriKind.Relative), Json))!.Silos;

    private sealed record ClusterJson(List<SiloJson> Silos);

    private sealed record SiloJson(string Name, string Status, bool Live, int? Activations);
}
