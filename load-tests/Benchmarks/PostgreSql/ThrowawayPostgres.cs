using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Helpdesk.Benchmarks.PostgreSql;

/// <summary>A PostgreSQL server of its own in a fresh temporary folder on a free port of 127.0.0.1, removed again on dispose.</summary>
/// <remarks>It keeps the default durability settings (fsync and synchronous commit on): the benchmark compares like with like on a real server.</remarks>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string OsUser = "postgres";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(90);

    private readonly string _folder;
    private readonly bool _asOsUser;
    private bool _started;

    private ThrowawayPostgres(string folder, bool asOsUser, int port)
    {
        _folder = folder;
        _asOsUser = asOsUser;
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

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tool in (string[])["initdb", "pg_ctl", "postgres"])
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new BenchmarkException($"PostgreSQL's {tool} is not at {BinDirectory}. Install the server (apt-get install postgresql-15) or set HELPDESK_POSTGRES to the connection string of a server on 127.0.0.1.");
            }
        }

        // initdb refuses to run as root, so a root process runs the server as the postgres OS user.
        var asOsUser = Environment.IsPrivilegedProcess;
        var folder = Directory.CreateTempSubdirectory("helpdesk-benchmarks-pg-").FullName;
        var server = new ThrowawayPostgres(folder, asOsUser, FreePort());
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

    private async Task StopAsync()
    {
        foreach (var mode in (string[])["fast", "immediate"])
        {
            try
            {
                await PgCtlAsync(["stop", "-m", mode], CancellationToken.None);
                return;
            }
            catch (BenchmarkException exception)
            {
                Progress.Report("postgres", $"a {mode} stop failed: {exception.Message}");
            }
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_asOsUser)
        {
            await ProcessRunner.RunAsync("chown", [$"{OsUser}:{OsUser}", _folder], _folder, CommandLimit, cancellationToken);
        }

        Progress.Report("postgres", $"initdb in {_folder}");
        await RunAsync("initdb", ["-D", DataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-locale"], cancellationToken);
        Progress.Report("postgres", $"starting the server on 127.0.0.1:{Port}");
        try
        {
            _started = true;
            await PgCtlAsync(["start", "-l", LogFile, "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k '{_folder}'"], cancellationToken);
        }
        catch (BenchmarkException exception)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : "(no server log)";
            throw new BenchmarkException($"{exception.Message}\nServer log:\n{log}", exception);
        }
    }

    private Task<string> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        RunAsync("pg_ctl", ["-D", DataDirectory, "-w", "-t", "60", .. arguments], cancellationToken);

    private Task<string> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(BinDirectory, tool);
        return _asOsUser
            ? ProcessRunner.RunAsync("runuser", ["-u", OsUser, "--", executable, .. arguments], _folder, CommandLimit, cancellationToken)
            : ProcessRunner.RunAsync(executable, arguments, _folder, CommandLimit, cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
