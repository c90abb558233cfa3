using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.Benchmarks.Failover;

/// <summary>The grains the failover suite watches: operators of one department, created and read through the public API.</summary>
/// <remarks>
/// Operators are created through every silo in turn, because Orleans prefers to place a new grain on the silo its first
/// call arrives at; each silo so holds some of them. <c>GET /api/operators/{id}</c> calls the operator's grain and no
/// other, so a read fails only while that grain cannot be reached.
/// </remarks>
internal sealed class ProbeOperators(HttpClient http)
{
    public const string Department = "failover";

    /// <summary>How long one read may take before it counts as unanswered: a grain answers on loopback in milliseconds, one reactivated from PostgreSQL in a few more.</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between the starts of two rounds, so failing reads, answered at once, do not flood the survivors.</summary>
    public static readonly TimeSpan RoundPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a set-up call (department, operator, cluster view) keeps being retried while the silos answer 503 or not at all.</summary>
    private static readonly TimeSpan SetupLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SetupAttemptLimit = TimeSpan.FromSeconds(5);

    private readonly List<string> _ids = [];

    /// <summary>Every operator created so far.</summary>
    public IReadOnlyList<string> Ids => _ids;

    public Task CreateDepartmentAsync(Uri silo, CancellationToken cancellationToken) =>
        SetUpAsync(silo, $"POST /api/departments {Department}", attempt => http.PostAsJsonAsync(new Uri(silo, "api/departments"), new { id = Department, name = "Failover probes" }, attempt), cancellationToken);

    /// <summary>Creates <paramref name="count"/> new operators named after <paramref name="kill"/>, side by side, the first through the first silo, the next through the next.</summary>
    public async Task AddAsync(int kill, int count, IReadOnlyList<Uri> silos, CancellationToken cancellationToken)
    {
        string[] ids = [.. Enumerable.Range(1, count).Select(number => string.Create(CultureInfo.InvariantCulture, $"failover-{kill:D2}-{number:D2}"))];
        await Task.WhenAll(ids.Select((id, i) =>
        {
            var silo = silos[i % silos.Count];
            return SetUpAsync(silo, $"POST /api/operators {id}", attempt => http.PostAsJsonAsync(new Uri(silo, "api/operators"), new { id, line = "l1", departments = new[] { Department } }, attempt), cancellationToken);
        }));
        _ids.AddRange(ids);
    }

    /// <summary>The cluster as <paramref name="silo"/> sees it.</summary>
    public async Task<ClusterView> ClusterAsync(Uri silo, CancellationToken cancellationToken)
    {
        ClusterView? view = null;
        await SetUpAsync(silo, "GET /api/cluster", async attempt =>
        {
            var response = await http.GetAsync(new Uri(silo, "api/cluster"), attempt);
            if (response.IsSuccessStatusCode)
            {
                view = await response.Content.ReadFromJsonAsync<ClusterView>(ApiJson.Options, attempt);
            }

            return response;
        }, cancellationToken);
        return view ?? throw new BenchmarkException($"GET {silo}api/cluster answered 200 without a cluster view.");
    }

    /// <summary>
    /// Reads every operator in rounds through <paramref name="silos"/> until a round in which each answered 200 is
    /// confirmed by the next one; fails once <paramref name="limit"/> has passed since <paramref name="since"/>.
    /// </summary>
    /// <param name="silos">The silos to read through, each operator through another one from round to round.</param>
    /// <param name="since">A <see cref="Stopwatch"/> timestamp the times are counted from: the kill.</param>
    /// <param name="limit">How long after <paramref name="since"/> operators may still miss.</param>
    /// <param name="what">What the wait is for, to begin the failure's message.</param>
    /// <param name="cancellationToken">The whole run's time limit.</param>
    public async Task<Answering> WaitAnsweringAsync(IReadOnlyList<Uri> silos, long since, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        var missed = new HashSet<string>(StringComparer.Ordinal);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        TimeSpan? answered = null;
        var relapses = 0;
        for (var round = 1; ; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var reads = await ReadAllAsync(silos, round, cancellationToken);
            missed.UnionWith(reads.Missed);
            foreach (var failure in reads.Failures)
            {
                failures[failure] = failures.GetValueOrDefault(failure) + 1;
            }

            if (reads.AllAnswered)
            {
                if (answered is { } after)
                {
                    return new Answering(after, round, relapses, missed.Count, Describe(failures));
                }

                answered = Stopwatch.GetElapsedTime(since);
            }
            else
            {
                relapses += answered is null ? 0 : 1;
                answered = null;
                if (Stopwatch.GetElapsedTime(since) > limit)
                {
                    throw new BenchmarkException(
                        $"{what}, {reads.Missed.Count} of {_ids.Count} operators still did not answer GET /api/operators/{{id}} with 200 through {string.Join(" and ", silos)} after {limit.TotalSeconds:0} s "
                        + $"(last round: {Describe(reads.Failures.CountBy(failure => failure).ToDictionary())}; e.g. {reads.Missed[0]}).");
                }
            }

            var pause = RoundPeriod - Stopwatch.GetElapsedTime(started);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }
        }
    }

    /// <summary>Reads every operator once, side by side, the i-th through silo <c>(i + round) mod n</c>.</summary>
    private async Task<ProbeRound> ReadAllAsync(IReadOnlyList<Uri> silos, int round, CancellationToken cancellationToken)
    {
        var failures = await Task.WhenAll(_ids.Select((id, i) => ReadAsync(silos[(i + round) % silos.Count], id, cancellationToken)));
        return new ProbeRound([.. _ids.Where((_, i) => failures[i] is not null)], [.. failures.OfType<string>()]);
    }

    /// <summary>One read: <see langword="null"/> when the operator answered 200 within <see cref="AnswerLimit"/>, else what came instead.</summary>
    private async Task<string?> ReadAsync(Uri silo, string id, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(AnswerLimit);
        try
        {
            using var response = await http.GetAsync(new Uri(silo, $"api/operators/{id}"), limit.Token);
            return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException)
        {
            return "no connection";
        }
    }

    /// <summary>Sends a set-up call, each attempt with its own time limit, until it succeeds, retrying 503s, timeouts and broken connections for up to <see cref="SetupLimit"/>.</summary>
    private async Task SetUpAsync(Uri silo, string what, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var failedBefore = false;
        while (true)
        {
            string last;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(SetupAttemptLimit);
                try
                {
                    using var response = await send(limit.Token);
                    // A 409 after a failed attempt: that attempt created it after all.
                    if (response.IsSuccessStatusCode || (failedBefore && response.StatusCode == HttpStatusCode.Conflict))
                    {
                        return;
                    }

                    last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        throw new BenchmarkException($"{what} through {silo} answered {last}.");
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    last = $"no answer within {SetupAttemptLimit.TotalSeconds:0} s";
                }
                catch (HttpRequestException exception)
                {
                    last = exception.Message;
                }
            }

            failedBefore = true;
            if (Stopwatch.GetElapsedTime(started) > SetupLimit)
            {
                throw new BenchmarkException($"{what} through {silo} did not succeed within {SetupLimit.TotalSeconds:0} s (last: {last}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static string Describe(Dictionary<string, int> failures) =>
        string.Join(", ", failures.OrderByDescending(failure => failure.Value).ThenBy(failure => failure.Key, StringComparer.Ordinal).Select(failure => $"{failure.Value:N0}× {failure.Key}"));
}
