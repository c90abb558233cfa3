using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Helpdesk.LoadGenerator.Cluster;

/// <summary>One silo as a process of its own, started as <c>deploy/local-cluster.sh</c> starts one: <c>dotnet Helpdesk.Silo.dll --urls …</c> in its build folder.</summary>
/// <remarks>
/// It runs in a session of its own (<c>setsid</c>), so a Ctrl-C in the terminal reaches only the generator, which
/// then stops the silos before PostgreSQL. Every silo started is remembered until it has exited, and killed when
/// the generator's process exits, so none outlives a run that ended in an unexpected way.
/// </remarks>
internal sealed class SiloProcess
{
    private const int LinesKept = 40;
    private static readonly ConcurrentDictionary<SiloProcess, byte> Running = new();
    private static int _exitHookInstalled;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _lock = new();
    private Task<bool>? _stop;

    private SiloProcess(Process process, string name, Uri url, StreamWriter log)
    {
        _process = process;
        _log = log;
        Name = name;
        Url = url;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Whether <see cref="Kill"/> was called: an exit is then no surprise.</summary>
    public bool Killed { get; private set; }

    public int ExitCode => _process.ExitCode;

    /// <summary>Whether it has exited though neither killed nor stopped from here.</summary>
    public bool ExitedUnasked => !Killed && _stop is null && _process.HasExited;

    /// <summary>The silo's last lines of output, for an error message.</summary>
    public string LastLines
    {
        get
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <param name="assembly">The silo's <c>Helpdesk.Silo.dll</c>.</param>
    /// <param name="name">Its silo name.</param>
    /// <param name="port">Its public port on 127.0.0.1.</param>
    /// <param name="connectionString">PostgreSQL, or <see langword="null"/> for memory.</param>
    /// <param name="adminKey">The admin key it is configured with.</param>
    /// <param name="logFile">Where its output goes.</param>
    public static SiloProcess Start(string assembly, string name, int port, string? connectionString, string adminKey, string logFile)
    {
        InstallExitHook();
        var url = new Uri($"http://{IPAddress.Loopback}:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("setsid", ["dotnet", assembly, "--urls", url.GetLeftPart(UriPartial.Authority)])
        {
            // The content root is the build folder, where appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Orleans__Name"] = name;
        start.Environment["Authentication__AdminKey"] = adminKey;
        // The generator drives the whole center as the admin, far faster than an admin's default rate.
        start.Environment["RateLimits__Admin__PerSecond"] = "1000000";
        start.Environment["RateLimits__Admin__Burst"] = "1000000";
        // Information logs of every request would cost the silo more than the requests; warnings and errors stay.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // Who suspected whom and when a silo was declared dead: what a failover's log is read for.
        start.Environment["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information";
        start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__UseUtcTimestamp"] = "true";
        start.Environment.Remove("ASPNETCORE_URLS");
        if (connectionString is null)
        {
            // A connection string in the generator's environment must not turn an in-memory silo into a PostgreSQL one.
            start.Environment.Remove("ConnectionStrings__Helpdesk");
        }
        else
        {
            start.Environment["ConnectionStrings__Helpdesk"] = connectionString;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LoadRunException($"Could not start `setsid dotnet {assembly}`.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new LoadRunException($"Could not start `setsid dotnet {assembly}` ({exception.Message}): setsid comes with util-linux, dotnet with the .NET SDK; both must be on the PATH.", exception);
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var silo = new SiloProcess(process, name, url, log);
        Running[silo] = 0;
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200: storage reachable and migrated.</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var ready = new Uri(Url, "health/ready");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new LoadRunException($"Silo {Name} exited with code {_process.ExitCode} while starting. Its last lines:{Environment.NewLine}{LastLines}");
            }

            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new LoadRunException($"Silo {Name} did not answer {ready} with 200 within {limit.TotalSeconds:0} s. Its last lines:{Environment.NewLine}{LastLines}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>SIGKILL: the silo dies on the spot, as in a crash; its leases simply expire.</summary>
    public void Kill()
    {
        Killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
    }

    /// <summary>Sends the silo <paramref name="signal"/> (<c>STOP</c>, <c>CONT</c>, <c>TERM</c>) while it runs.</summary>
    public async Task SignalAsync(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new LoadRunException($"Could not run `kill -{signal}`.");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits up to <paramref name="limit"/> for the silo to exit by itself; whether it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(limit, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, then waits for the graceful stop; SIGKILL when it takes longer than <paramref name="limit"/>. Stops once, however often called.</summary>
    /// <returns>Whether it stopped by itself.</returns>
    public Task<bool> StopAsync(TimeSpan limit) => _stop ??= StopOnceAsync(limit);

    private async Task<bool> StopOnceAsync(TimeSpan limit)
    {
        var graceful = true;
        try
        {
            if (!_process.HasExited)
            {
                // A paused silo would never see the SIGTERM.
                await SignalAsync("CONT");
                await SignalAsync("TERM");
                try
                {
                    await _process.WaitForExitAsync().WaitAsync(limit);
                }
                catch (TimeoutException)
                {
                    graceful = false;
                    _process.Kill(entireProcessTree: false);
                    await _process.WaitForExitAsync();
                }
            }

            return graceful;
        }
        finally
        {
            Running.TryRemove(this, out _);
            lock (_lock)
            {
                _log.Dispose();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > LinesKept)
            {
                _lastLines.Dequeue();
            }

            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }
    }

    /// <summary>When the generator's process exits anyway (an unhandled failure, a second Ctrl-C), no silo it started may outlive it.</summary>
    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var silo in Running.Keys)
                {
                    silo.Kill();
                }
            };
        }
    }
}
