using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Helpdesk.LoadGenerator.Contracts;

namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>Silos started here as processes on loopback, in memory (one) or on one PostgreSQL schema (any number); always stopped at the end, their logs kept.</summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    private readonly List<SiloProcess> _silos;
    private readonly string _logFolder;
    private readonly Action<string> _log;

    private LocalCluster(List<SiloProcess> silos, string logFolder, Action<string> log)
    {
        _silos = silos;
        _logFolder = logFolder;
        _log = log;
    }

    public IReadOnlyList<Uri> Urls => [.. _silos.Select(silo => silo.Url)];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>Starts <paramref name="count"/> silos and waits until each is ready and, in a cluster, every partition has a live owner.</summary>
    /// <param name="count">Silos to start.</param>
    /// <param name="connectionString">Their PostgreSQL schema, or <see langword="null"/> for one silo in memory.</param>
    /// <param name="logFolder">Where each silo's output goes, <c>siloN.log</c>; kept after the run.</param>
    /// <param name="http">For the readiness probes.</param>
    /// <param name="log">Where progress lines go.</param>
    /// <param name="cancellationToken">Cancels the start; the silos started so far are stopped.</param>
    public static async Task<LocalCluster> StartAsync(int count, string? connectionString, string logFolder, HttpClient http, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(log);
        var assembly = SiloBuild.Find();
        var folder = Directory.CreateDirectory(logFolder).FullName;
        var cluster = new LocalCluster([], folder, log);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                var silo = SiloProcess.Start(assembly, $"silo{i}", FreePort(), connectionString, Path.Combine(folder, $"silo{i}.log"));
                cluster._silos.Add(silo);
                log($"silo{i} starting on {silo.Url} (pid {silo.ProcessId}, {(connectionString is null ? "in memory" : "PostgreSQL")})");
            }

            await Task.WhenAll(cluster._silos.Select(silo => silo.WaitReadyAsync(http, ReadyLimit, cancellationToken)));
            if (connectionString is not null)
            {
                await cluster.WaitJoinedAsync(http, cancellationToken);
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

    /// <summary>Stops every silo gracefully, side by side, killing any that does not stop in time; their logs stay.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(silo => !silo.Killed && silo.HasExited))
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
    private async Task WaitJoinedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var names = _silos.Select(silo => silo.Name).ToHashSet(StringComparer.Ordinal);
        var last = "no answer";
        while (Stopwatch.GetElapsedTime(started) < JoinLimit)
        {
            try
            {
                var view = await http.GetFromJsonAsync<ClusterView>(new Uri(_silos[0].Url, "api/cluster"), ApiJson.Options, cancellationToken);
                if (view is not null)
                {
                    var live = view.Silos.Where(silo => silo.Live && names.Contains(silo.Name)).Select(silo => silo.Name).ToHashSet(StringComparer.Ordinal);
                    last = $"{live.Count} of {names.Count} silos active";
                    if (live.Count == names.Count)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new LoadRunException($"The silos had not formed a cluster within {JoinLimit.TotalSeconds:0} s ({last}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
