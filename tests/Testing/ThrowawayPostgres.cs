using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Helpdesk.Testing;

/// <summary>A PostgreSQL server of its own, from the machine's binaries, in a fresh temporary folder on a free port of 127.0.0.1; removed again on dispose.</summary>
/// <remarks>
/// A durable server keeps PostgreSQL's default durability (fsync and synchronous commit on), for benchmarks
/// that compare like with like. A fast one turns them off, for tests that never outlive the machine.
/// </remarks>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private const string FastSettings = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(90);

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asOsUser;
    private readonly bool _durable;
    private readonly Action<string> _log;
    private bool _started;

    private ThrowawayPostgres(string bin, string folder, bool asOsUser, bool durable, int port, Action<string> log)
    {
        _bin = bin;
        _folder = folder;
        _asOsUser = asOsUser;
        _durable = durable;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = OsUser,
        Database = "postgres",
    }.ConnectionString;

    private string DataDirectory => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "server.log");

    private string Settings => $"-c listen_addresses=127.0.0.1 -p {Port} -k '{_folder}' -c max_connections=300 {(_durable ? "" : FastSettings)}";

    /// <summary>Initializes and starts a server; fails with a clear message when the binaries are missing.</summary>
    /// <param name="durable">Keep fsync and synchronous commit on.</param>
    /// <param name="log">Where progress lines go.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ThrowawayPostgres> StartAsync(bool durable, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();

        // initdb refuses to run as root, so a root process runs the server as the postgres OS user.
        var asOsUser = Environment.IsPrivilegedProcess;
        var folder = Directory.CreateTempSubdirectory("helpdesk-pg-").FullName;
        var server = new ThrowawayPostgres(bin, folder, asOsUser, durable, FreePort(), log ?? (_ => { }));
        try
        {
            await server.InitializeAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                await StopAsync();
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Stops the server as an outage would, keeping its data for <see cref="StartAgainAsync"/>.</summary>
    public Task StopServerAsync() => PgCtlAsync(["stop", "-m", "fast"], CancellationToken.None);

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task StartAgainAsync() => PgCtlAsync(["start", "-l", LogFile, "-o", Settings], CancellationToken.None);

    private async Task StopAsync()
    {
        foreach (var mode in (string[])["fast", "immediate"])
        {
            try
            {
                await PgCtlAsync(["stop", "-m", mode], CancellationToken.None);
                return;
            }
            catch (InvalidOperationException exception)
            {
                _log($"a {mode} stop failed: {exception.Message}");
            }
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_asOsUser)
        {
            await ProcessRunner.RunAsync("chown", [$"{OsUser}:{OsUser}", _folder], _folder, CommandLimit, cancellationToken);
        }

        _log($"initdb in {_folder}");
        await RunAsync("initdb", ["-D", DataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-locale", .. (_durable ? Array.Empty<string>() : ["--no-sync"])], cancellationToken);
        _log($"starting the server on 127.0.0.1:{Port}");
        try
        {
            _started = true;
            await PgCtlAsync(["start", "-l", LogFile, "-o", Settings], cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : "(no server log)";
            throw new InvalidOperationException($"{exception.Message}\nServer log:\n{log}", exception);
        }
    }

    private Task<string> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        RunAsync("pg_ctl", ["-D", DataDirectory, "-w", "-t", "60", .. arguments], cancellationToken);

    private Task<string> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_bin, tool);
        return _asOsUser
            ? ProcessRunner.RunAsync("runuser", ["-u", OsUser, "--", executable, .. arguments], _folder, CommandLimit, cancellationToken)
            : ProcessRunner.RunAsync(executable, arguments, _folder, CommandLimit, cancellationToken);
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(version => Path.Combine(version, "bin")).OrderDescending()
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "A PostgreSQL server is needed, but no PostgreSQL binaries were found in /usr/lib/postgresql/*/bin. " +
                "Install them (apt-get install postgresql; the README's test command does it) or set HELPDESK_POSTGRES to the connection string of a server on 127.0.0.1.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
