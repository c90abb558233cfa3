using Helpdesk.LoadGenerator.Accounting;
using Helpdesk.LoadGenerator.Center;
using Helpdesk.LoadGenerator.Cluster;
using Helpdesk.LoadGenerator.Http;
using Helpdesk.LoadGenerator.Measurement;
using Helpdesk.LoadGenerator.Options;
using Helpdesk.LoadGenerator.Reporting;

namespace Helpdesk.LoadGenerator;

/// <summary>One run: start the silos (or find the running ones), set up the center, let contacts arrive, kill a silo if asked, let the contacts in hand settle, check every contact, stop the silos.</summary>
/// <param name="options">The run's settings.</param>
/// <param name="scenario">Its short name, for the chart's file.</param>
/// <param name="database">PostgreSQL for started silos on it; <see langword="null"/> otherwise.</param>
/// <param name="output">Where progress lines go.</param>
internal sealed class LoadRun(LoadOptions options, string scenario, ClusterDatabase? database, TextWriter output)
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(30);

    /// <summary>Runs to the end and returns what it measured; the silos it started are stopped whatever happens.</summary>
    /// <param name="endArrivals">Ends the arrivals early (a first Ctrl-C); the run still settles, checks and reports.</param>
    /// <param name="abort">Ends everything at once (a second Ctrl-C, or the run's time limit).</param>
    public async Task<RunResult> RunAsync(CancellationToken endArrivals, CancellationToken abort)
    {
        var loadBefore = MachineLoad.Read();
        var runId = CenterPlan.NewRunId(TimeProvider.System.GetLocalNow());
        var apiKey = options.StartsSilos
            ? LocalCluster.NewAdminKey()
            : options.ApiKey ?? throw new LoadRunException("--url drives a running cluster with its admin key: give --api-key KEY, or set HELPDESK_API_KEY.");
        using var http = HttpClients.Create(apiKey);
        var target = options.Describe();
        LocalCluster? cluster = null;
        try
        {
            IReadOnlyList<Uri> urls;
            if (options.StartsSilos)
            {
                string? connectionString = null;
                if (options.Storage == Storage.PostgreSql)
                {
                    var server = database ?? throw new InvalidOperationException("A run on PostgreSQL needs its database.");
                    if (options.Fault == Fault.RestartDatabase && !server.CanRestart)
                    {
                        throw new LoadRunException($"--fault restart-db restarts the generator's throwaway PostgreSQL, not {server.Description}; unset HELPDESK_POSTGRES.");
                    }

                    connectionString = await server.NewSchemaAsync(runId.Replace('-', '_'), abort);
                    target += $" ({await server.SettingsAsync(abort)}; {server.Description})";
                }

                cluster = await LocalCluster.StartAsync(options.Silos, connectionString, apiKey, Path.Combine(ReportFiles.Folder(options), "silo-logs", runId), http, Say, abort);
                urls = cluster.Urls;
            }
            else
            {
                urls = options.Urls;
                await CheckReachableAsync(http, urls, abort);
            }

            return await DriveAsync(http, urls, runId, target, cluster, loadBefore, endArrivals, abort);
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    private async Task<RunResult> DriveAsync(HttpClient http, IReadOnlyList<Uri> urls, string runId, string target, LocalCluster? cluster, string loadBefore, CancellationToken endArrivals, CancellationToken abort)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(abort);
        try
        {
            return await DriveAsync(http, urls, runId, target, cluster, loadBefore, closing, endArrivals, abort);
        }
        finally
        {
            // Whatever ended the run, the desktops, the probes and the customers' timers end with it.
            await closing.CancelAsync();
        }
    }

    private async Task<RunResult> DriveAsync(HttpClient http, IReadOnlyList<Uri> urls, string runId, string target, LocalCluster? cluster, string loadBefore, CancellationTokenSource closing, CancellationToken endArrivals, CancellationToken abort)
    {
        var recorder = new Recorder();
        var api = new ApiClient(http, new SiloPool(urls, http, closing.Token), recorder);
        var plan = new CenterPlan(options, runId);
        var ledger = new ContactLedger();
        var holds = new HoldLog();
        var customers = new Customers(api, ledger, options.Patience, closing.Token);
        var desks = new Desks(api, plan, ledger, holds, customers, options.HandleTime, closing.Token);
        var arrivals = new ContactArrivals(api, plan, ledger, customers);

        Say($"run {runId}: {plan.Departments.Count} departments, {plan.Operators.Count} operators, {options.Customers:N0} customers, {options.Rate:0.##} contacts/s for {options.Duration.TotalSeconds:0.#} s, against {target}");
        await CenterSetup.CreateAsync(api, plan, abort);
        await desks.OpenAsync(ConnectLimit);
        await CenterSetup.SetAvailableAsync(api, plan, abort);
        Say("the center is set up and every desktop listens; contacts start arriving");

        recorder.MarkZero();
        var startedAt = TimeProvider.System.GetUtcNow();
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var progress = new ProgressLine(output, api, ledger, holds, customers, arrivals).RunAsync(progressStop.Token);
        using var arrivalStop = CancellationTokenSource.CreateLinkedTokenSource(endArrivals, abort);
        var faultRun = options.Fault != Fault.None && cluster is not null ? new FaultRun(options.Fault, cluster, database, Say) : null;
        var fault = faultRun?.RunAsync(options.FaultTime, recorder, arrivalStop.Token) ?? Task.FromResult<FaultOutcome?>(null);

        var screenshots = options.Screenshots is { } folder
            ? BoardScreenshots.TakeAsync(urls[0], http.DefaultRequestHeaders.Authorization!.Parameter!, folder, options.Duration * 0.8, arrivalStop.Token)
            : Task.FromResult<IReadOnlyList<string>>([]);
        var figures = await arrivals.RunAsync(options.Duration, options.MaxRequests, Math.Max(256, (int)(options.Rate * 10)), arrivalStop.Token);
        foreach (var file in await screenshots)
        {
            Say($"the wallboard photographed: {file}");
        }

        ledger.ArrivalsOver();
        Say($"arrivals over ({figures.StoppedBecause}): {figures.Sent:N0} contacts sent{(figures.Skipped > 0 ? $", {figures.Skipped:N0} left out while too many were in flight" : "")}; letting the contacts in hand settle (at most {options.DrainLimit.TotalSeconds:0} s)");
        var drainStarted = recorder.Now;
        var drained = true;
        try
        {
            await ledger.AllSettled.WaitAsync(options.DrainLimit, abort);
        }
        catch (TimeoutException)
        {
            drained = false;
        }

        var drain = recorder.Now - drainStarted;
        await arrivalStop.CancelAsync();
        var outcome = await fault;
        await closing.CancelAsync();
        await desks.CloseAsync(CloseLimit);
        await progressStop.CancelAsync();
        await progress;
        Say($"{(drained ? "every contact settled" : $"{ledger.Unsettled:N0} contacts still open")} after {drain.TotalSeconds:0.0} s; checking every contact");

        recorder.EndTimeline();
        var accounting = await FinalCheck.RunAsync(api, ledger, holds, plan, startedAt, desks.ReannouncedOffers, abort);
        if (arrivals.MismatchedIds > 0)
        {
            ledger.Note($"{arrivals.MismatchedIds} receipts named another id than the one derived from their Idempotency-Key; contacts never acknowledged may be counted as never created wrongly");
        }

        if (outcome is not null)
        {
            outcome = outcome with { Findings = [.. outcome.Findings, .. faultRun!.Casualties(outcome)] };
        }

        var failover = outcome is null ? null : Failover.Of(recorder.Failures, outcome.At, outcome.Silo ?? -1);
        var result = new RunResult(
            options,
            scenario,
            runId,
            target,
            startedAt,
            figures,
            drain,
            drained,
            recorder.Requests,
            recorder.Summaries(),
            recorder.Overall(Endpoints.InLoad),
            recorder.Seconds(),
            accounting,
            recorder.FailureReasons,
            outcome,
            failover,
            new DeskFigures(desks.AcceptedCount, desks.Tasks, desks.RefusedAccepts, desks.AcceptsGivenUp, customers.Confirmed, customers.Abandoned, desks.Reconnects, desks.PresenceRestores),
            ledger.Notes.Take(20).ToList(),
            ledger.NoteCount,
            $"{loadBefore} before, {MachineLoad.Read()} after");

        if (cluster is null)
        {
            await SignOffAsync(http, urls, plan, abort);
        }

        return result;
    }

    /// <summary>A running cluster keeps what the run created: its operators go offline, so they take no more offers once their desktops are gone.</summary>
    private static async Task SignOffAsync(HttpClient http, IReadOnlyList<Uri> urls, CenterPlan plan, CancellationToken cancellationToken)
    {
        var api = new ApiClient(http, new SiloPool(urls, http, cancellationToken), new Recorder());
        await Parallel.ForEachAsync(plan.Operators, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (operatorPlan, token) =>
            await api.SendAsync(new ApiRequest(Endpoints.Presence, HttpMethod.Put, $"/api/operators/{operatorPlan.Id}/presence", new { presence = "offline" }, RetryFor: TimeSpan.FromSeconds(5)), token));
    }

    private static async Task CheckReachableAsync(HttpClient http, IReadOnlyList<Uri> urls, CancellationToken cancellationToken)
    {
        foreach (var url in urls)
        {
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(new Uri(url, "health/ready"), limit.Token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new LoadRunException($"{url} answers /health/ready with {(int)response.StatusCode}: the silo is not ready.");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new LoadRunException($"{url} cannot be reached ({exception.Message}); start the cluster first (deploy/local-cluster.sh, or dotnet run --project src/Silo), or let the generator start silos with --silos N.", exception);
            }
        }
    }

    private void Say(string message) => output.WriteLine($"[loadgen] {message}");
}
