using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Helpdesk.Testing;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>A silo running as a real process, started as the README says, with its output to wait on.</summary>
internal sealed class SiloProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Listening = "Now listening on: ";

    private readonly Process _process;
    private string? _url;

    private SiloProcess(Process process, string? url)
    {
        _process = process;
        _url = url;
        Output = new ProcessOutput(process);
    }

    /// <summary>Where it serves: the port asked for, or the one Kestrel took, once the silo printed it ("Now listening on").</summary>
    public string Url => _url ??= Output.Lines.FirstOrDefault(line => line.Contains(Listening, StringComparison.Ordinal)) is { } line
        ? line[(line.IndexOf(Listening, StringComparison.Ordinal) + Listening.Length)..].Trim()
        : throw new InvalidOperationException("The silo has not said where it listens yet: wait for 'Now listening on' first.");

    public ProcessOutput Output { get; }

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Membership that declares a silo dead after about two missed one-second probes, instead of Orleans' tens of seconds,
    /// and a directory lease no longer than that detection window (up to 4 s × 2), so its grains are free once it is declared.
    /// </summary>
    public static readonly string[] FastFailover =
    [
        "--Orleans:Membership:ProbeTimeout=00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit=2",
        "--Orleans:Membership:NumVotesForDeathDeclaration=1",
        "--Orleans:Directory:RangeLeaseDuration=00:00:08",
        "--Api:DrainDelay=00:00:00",
    ];

    /// <summary>Starts the silo executable on a port of 127.0.0.1 it takes itself, on PostgreSQL or, with no connection string, in memory.</summary>
    /// <remarks>
    /// Port 0: Kestrel binds a free port and prints it. A port found free here beforehand can be taken by any connection
    /// of the machine before the silo binds it, and a silo that cannot bind stops.
    /// </remarks>
    public static SiloProcess Start(string? connectionString, string name, params string[] settings) => StartOn(0, connectionString, name, settings);

    /// <summary>Starts the silo executable on <paramref name="port"/> of 127.0.0.1 (0: one it takes itself), on PostgreSQL or, with no connection string, in memory.</summary>
    public static SiloProcess StartOn(int port, string? connectionString, string name, params string[] settings)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Assembly(), "--urls", url, $"--Orleans:Name={name}", .. TestKeys.Settings, .. settings])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Logging__Console__FormatterName"] = "simple" },
        };
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__Helpdesk"] = connectionString;
        }

        return new SiloProcess(Process.Start(start)!, port == 0 ? null : url);
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    public HttpClient Client() => new HttpClient { BaseAddress = new Uri(Url) }.WithKey();

    public Task WaitForLineAsync(string text) => Output.WaitForLineAsync(text, Patience);

    /// <summary>
    /// Ctrl-C's signal, INT; or TERM when this process ignores INT, as every process started in the background of a
    /// non-interactive shell does: its children inherit that, so a silo started from here would never hear Ctrl-C.
    /// </summary>
    public static string Interrupt { get; } = Ignores(signal: 2) ? "TERM" : "INT";

    /// <summary>Sends a signal: INT for Ctrl-C, TERM for a stop, KILL for a crash.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The silo did not exit within {Patience}. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, Output.Lines.TakeLast(40))}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The built silo executable, <c>Helpdesk.Silo.dll</c>.</summary>
    public static string Assembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var assembly = Repository.PathOf("src", "Silo", "bin", configuration, "net10.0", "Helpdesk.Silo.dll");
        Assert.True(File.Exists(assembly), $"The silo must be built before this test runs: {assembly} is missing.");
        return assembly;
    }

    /// <summary>Whether this process ignores <paramref name="signal"/>, from the SigIgn mask in /proc/self/status.</summary>
    private static bool Ignores(int signal)
    {
        var mask = File.ReadLines("/proc/self/status").Single(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (ulong.Parse(mask, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>A port of 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
