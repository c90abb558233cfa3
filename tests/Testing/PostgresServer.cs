using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Helpdesk.Testing;

/// <summary>The PostgreSQL server the tests of one process share.</summary>
/// <remarks>
/// With <c>HELPDESK_POSTGRES</c> set to a connection string, that server is used. Otherwise a throwaway
/// server is started from the machine's PostgreSQL binaries (initdb and pg_ctl into a temporary folder,
/// as the <c>postgres</c> user when running as root) and stopped when the process exits. Each test class
/// works in a schema of its own, so classes never see each other's rows.
/// </remarks>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);

    private readonly string _connectionString;

    private PostgresServer(string connectionString, Action? stop)
    {
        _connectionString = connectionString;
        if (stop is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stop();
        }
    }

    /// <summary>The server shared by every test in this process, started on first use.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>A connection string whose search path is a fresh schema named after <paramref name="prefix"/>.</summary>
    public string ConnectionStringForNewSchema(string prefix)
    {
        var name = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);
        return new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = $"{name}_{Guid.NewGuid():N}" }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("HELPDESK_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgresServer(given, stop: null);
        }

        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("helpdesk-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await Run("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var port = FreePort();
        await Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot);
        await Run(Path.Combine(bin, "pg_ctl"), [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        ], asRoot);

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            MaxPoolSize = 50,
        }.ConnectionString;

        return new PostgresServer(connectionString, () =>
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        });
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).OrderDescending()
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL tests need a server: no PostgreSQL binaries were found in /usr/lib/postgresql/*/bin. " +
                "Install them (apt-get install postgresql; the README's test command does it) or set HELPDESK_POSTGRES to a connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string program, string[] arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Starting the test PostgreSQL server failed: {Path.GetFileName(program)} exited with {process.ExitCode}.\n{await output}\n{await error}");
        }
    }
}
