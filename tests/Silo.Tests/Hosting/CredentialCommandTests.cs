using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Helpdesk.Testing;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary><c>Helpdesk.Silo credentials …</c> against a running silo on PostgreSQL, as ops run it.</summary>
public sealed class CredentialCommandTests
{
    [Fact]
    public async Task KeysMadeAndRevokedByTheCommandWorkAndStopWorkingAtTheSilo()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("command");
        using var silo = SiloProcess.Start(connectionString, "command-test", "--Api:DrainDelay=00:00:00");
        await silo.WaitForLineAsync("Now listening on");
        await silo.WaitForLineAsync("Orleans Silo started");

        var (created, createdOutput) = await RunAsync("create", "--role", "supervisor", "--name", "wallboard", "--connection-string", connectionString);
        using var issued = JsonDocument.Parse(createdOutput);
        var key = issued.RootElement.GetProperty("key").GetString()!;
        var id = issued.RootElement.GetProperty("credential").GetProperty("id").GetString()!;
        using var board = new HttpClient { BaseAddress = new Uri(silo.Url) }.WithKey(key);
        var before = (await board.GetAsync(new Uri("/api/departments", UriKind.Relative))).StatusCode;
        var (revoked, _) = await RunAsync("revoke", id, "--connection-string", connectionString);
        var after = (await board.GetAsync(new Uri("/api/departments", UriKind.Relative))).StatusCode;
        var (badUsage, usage) = await RunAsync("create", "--role", "operator", "--name", "no operator named", "--connection-string", connectionString);
        using var admin = silo.Client();
        var audit = await admin.GetStringAsync(new Uri("/api/audit?action=silo%20command", UriKind.Relative));

        Assert.Equal((0, HttpStatusCode.OK), (created, before));
        Assert.Equal((0, HttpStatusCode.Unauthorized), (revoked, after));
        Assert.Equal(2, badUsage);
        Assert.Contains("Usage: Helpdesk.Silo credentials create", usage, StringComparison.Ordinal);
        Assert.Contains("credentials create (silo command)", audit, StringComparison.Ordinal);
        Assert.Contains("credentials revoke (silo command)", audit, StringComparison.Ordinal);
    }

    /// <summary>Runs the command; its exit code, and standard output when it succeeds or standard error when not.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [SiloProcess.Assembly(), "credentials", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(SiloProcess.Patience);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await errors);
    }
}
