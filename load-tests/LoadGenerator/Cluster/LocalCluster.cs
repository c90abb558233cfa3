using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>Silos started here as processes on loopback, in memory (one) or on one PostgreSQL schema (any number); always stopped at the end, their logs kept.</summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    /// <summary>How many times a silo is started when its port was taken before it could bind it.</summary>
    private const int PortAttempts = 3;

    private readonly List<SiloProcess> _silos = [];
    private readonly ConcurrentDictionary<int, int> _restarts = new();
    private readonly string _assembly;
    private readonly string? _connectionString;
    private readonly string _adminKey;
    private readonly string _logFolder;
    private readonly HttpClient _http;
    private readonly Action<string> _log;

    private LocalCluster(string assembly, string? connectionString, string adminKey, string logFolder, HttpClient http, Action<string> log)
    {
        _assembly = assembly;
        _connectionString = connectionString;
        _adminKey = adminKey;
        _logFolder = logFolder;
        _http = http;
        _log = log;
    }

    /// <summary>A random admin key for the silos of one run.</summary>
    public static string NewAdminKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyList<Uri> Urls => [.. _silos.Select(silo => silo.Url)];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>Starts <paramref name="count"/> silos and waits until each is ready and, in a cluster, every partition has a live owner.</summary>
    /// <param name="count">Silos to start.</param>
    /// <param name="connectionString">Their PostgreSQL schema, or <see langword="null"/> for one silo in memory.</param>
    /// <param name="adminKey">The admin key the silos are configured with (<see cref="NewAdminKey"/>).</param>
    /// <param name="logFolder">Where each silo's output goes, <c>siloN.log</c>; kept after the run.</param>
    /// <param name="http">For the readiness probes.</param>
    /// <param name="log">Where progress lines go.</param>
    /// <param name="cancellationToken">Cancels the start; the silos started so far are stopped.</param>
    public static async Task<LocalCluster> StartAsync(int count, string? connectionString, string adminKey, string logFolder, HttpClient http, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(log);
        var cluster = new LocalCluster(SiloBuild.Find(), connectionString, adminKey, Directory.CreateDirectory(logFolder).FullName, http, log);
        try
        {
            for (var i = 0; i < count; i++)
            {
                cluster._silos.Add(cluster.StartSilo(i, 1));
            }

            await Task.WhenAll(Enumerable.Range(0, count).Select(index => cluster.WaitStartedAsync(index, cancellationToken)));
            if (connectionString is not null)
            {
                await cluster.WaitJoinedAsync(cancellationToken);
            }

            log($"{count} silo{(count == 1 ? " is" : "s are")} ready");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills silo <paramref name="index"/> with SIGKILL.</summary>
    public void Kill(int index)
    {
        _silos[index].Kill();
        _log($"{_silos[index].Name} (pid {_silos[index].ProcessId}) killed with SIGKILL");
    }

    /// <summary>Sends silo <paramref name="index"/> <paramref name="signal"/>: <c>STOP</c> pauses it, <c>CONT</c> resumes it.</summary>
    public async Task SignalAsync(int index, string signal)
    {
        await _silos[index].SignalAsync(signal);
        _log($"{_silos[index].Name} (pid {_silos[index].ProcessId}) sent SIG{signal}");
    }

    /// <summary>Stops silo <paramref name="index"/> gracefully (SIGTERM); whether it stopped by itself in time.</summary>
    public async Task<bool> StopAsync(int index)
    {
        var silo = _silos[index];
        _log($"{silo.Name} (pid {silo.ProcessId}) sent SIGTERM");
        var graceful = await silo.StopAsync(StopLimit);
        _log($"{silo.Name} {(graceful ? $"stopped with code {silo.ExitCode}" : $"did not stop within {StopLimit.TotalSeconds:0} s and was killed")}");
        return graceful;
    }

    /// <summary>
    /// Waits until silo <paramref name="index"/> is ready. A port chosen free can be taken by another process before the silo
    /// binds it; a silo that exits for that is started again on another port, up to <see cref="PortAttempts"/> times.
    /// </summary>
    private async Task WaitStartedAsync(int index, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _silos[index].WaitReadyAsync(_http, ReadyLimit, cancellationToken);
                return;
            }
            catch (LoadRunException) when (attempt < PortAttempts && _silos[index].HasExited && _silos[index].LastLines.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await RestartAsync(index, cancellationToken, join: false);
            }
        }
    }

    /// <summary>Starts a new silo in the place of silo <paramref name="index"/> (which must have ended), under the same name and a new port, and waits until it has joined.</summary>
    /// <param name="index">The silo.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="join">Whether to wait until it has joined too, and not only until it is started.</param>
    public async Task RestartAsync(int index, CancellationToken cancellationToken, bool join = true)
    {
        await _silos[index].StopAsync(StopLimit);
        var restarts = _restarts.AddOrUpdate(index, 1, (_, before) => before + 1);
        var silo = StartSilo(index, restarts + 1);
        _silos[index] = silo;
        if (join)
        {
            await silo.WaitReadyAsync(_http, ReadyLimit, cancellationToken);
            await WaitJoinedAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the other silos' membership no longer counts silo <paramref name="index"/> as active.</summary>
    public async Task WaitDeclaredDeadAsync(int index, TimeSpan limit, CancellationToken cancellationToken)
    {
        var name = _silos[index].Name;
        var witness = _silos.First(silo => silo.Name != name);
        var started = Stopwatch.GetTimestamp();
        string last;
        do
        {
            var view = await ReadClusterAsync(witness, cancellationToken);
            if (view is not null && !view.Silos.Any(silo => silo.Live && silo.Name == name))
            {
                return;
            }

            last = view is null ? $"{witness.Name} did not answer" : $"{witness.Name} still counts it active";
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        while (Stopwatch.GetElapsedTime(started) < limit);

        throw new LoadRunException($"{name} was not declared dead within {limit.TotalSeconds:0} s ({last}).");
    }

    /// <summary>Stops every silo gracefully, side by side, killing any that does not stop in time; their logs stay.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(silo => silo.ExitedUnasked))
        {
            _log($"{silo.Name} had exited by itself with code {silo.ExitCode}; its last lines:{Environment.NewLine}{silo.LastLines}");
        }

        var stopped = await Task.WhenAll(_silos.Select(silo => silo.StopAsync(StopLimit)));
        var killed = _silos.Where((_, i) => !stopped[i]).Select(silo => silo.Name).ToList();
        if (killed.Count > 0)
        {
            _log($"{string.Join(", ", killed)} did not stop within {StopLimit.TotalSeconds:0} s and {(killed.Count == 1 ? "was" : "were")} killed");
        }

        if (_silos.Count > 0)
        {
            _log($"{_silos.Count} silo{(_silos.Count == 1 ? "" : "s")} stopped");
        }

        _log($"their logs are in {_logFolder}");
    }

    /// <summary>Readiness means each silo joined; waits until one silo's membership view shows every one of them active.</summary>
    private async Task WaitJoinedAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var names = _silos.Select(silo => silo.Name).ToHashSet(StringComparer.Ordinal);
        var last = "no answer";
        while (Stopwatch.GetElapsedTime(started) < JoinLimit)
        {
            if (await ReadClusterAsync(_silos[0], cancellationToken) is { } view)
            {
                var live = view.Silos.Where(silo => silo.Live && names.Contains(silo.Name)).Select(silo => silo.Name).ToHashSet(StringComparer.Ordinal);
                last = $"{live.Count} of {names.Count} silos active";
                if (live.Count == names.Count)
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new LoadRunException($"The silos had not formed a cluster within {JoinLimit.TotalSeconds:0} s ({last}).");
    }

    /// <summary>The cluster as <paramref name="silo"/> sees it, or <see langword="null"/> when it does not answer.</summary>
    private async Task<ClusterView?> ReadClusterAsync(SiloProcess silo, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await _http.GetFromJsonAsync<ClusterView>(new Uri(silo.Url, "api/cluster"), ApiJson.Options, limit.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>Starts silo <paramref name="index"/>'s <paramref name="life"/>th process; its output goes to <c>siloN.log</c>, or <c>siloN-2.log</c> and on for a restart.</summary>
    private SiloProcess StartSilo(int index, int life)
    {
        var name = $"silo{index + 1}";
        var silo = SiloProcess.Start(_assembly, name, FreePort(), _connectionString, _adminKey, Path.Combine(_logFolder, life == 1 ? $"{name}.log" : $"{name}-{life}.log"));
        _log($"{name} starting on {silo.Url} (pid {silo.ProcessId}, {(_connectionString is null ? "in memory" : "PostgreSQL")})");
        return silo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
