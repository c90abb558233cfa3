using System.Diagnostics;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary>Runs <c>promtool check metrics</c>, Prometheus' own parser and linter, on scraped text.</summary>
internal static class Promtool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string metrics)
    {
        var promtool = Find();
        if (promtool is null)
        {
            Assert.Fail("promtool was not found on PATH. It comes from the Debian package `prometheus`: run ./test.sh, which installs it, or `apt-get install prometheus`.");
        }

        var start = new ProcessStartInfo(promtool)
        {
            ArgumentList = { "check", "metrics" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {promtool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"promtool check metrics did not finish within {Limit.TotalSeconds:F0} s.");
        }

        return (process.ExitCode, (await output + await errors).Trim());
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);
}
