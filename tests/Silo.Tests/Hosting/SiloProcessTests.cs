using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Helpdesk.Testing;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>The silo as a real process, started the way the README says and stopped with Ctrl-C.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SiloProcessOnPostgreSqlBecomesReadyAndStopsCleanlyOnCtrlC()
    {
        var connectionString = (await PostgresServer.Shared).ConnectionStringForNewSchema("process");
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [SiloAssembly(), "--urls", url, "--Silo:SiloName=process-test"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Helpdesk"] = connectionString, ["Logging__Console__FormatterName"] = "simple" },
        };
        using var process = Process.Start(start)!;
        var output = new ProcessOutput(process);
        try
        {
            await output.WaitForLineAsync("Silo process-test started", Patience);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(Patience);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains(output.Lines, line => line.Contains("every activation finished", StringComparison.Ordinal));
            Assert.Contains(output.Lines, line => line.Contains("PostgreSQL", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string SiloAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Helpdesk.sln")))
        {
            repository = repository.Parent;
        }

        var assembly = Path.Combine(repository!.FullName, "src", "Silo", "bin", configuration, "net10.0", "Helpdesk.Silo.dll");
        Assert.True(File.Exists(assembly), $"The silo must be built before this test runs: {assembly} is missing.");
        return assembly;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Collects a process's output and lets a test wait for a line: a barrier on what the process says.</summary>
    private sealed class ProcessOutput
    {
        private readonly Lock _lock = new();
        private readonly List<string> _lines = [];
        private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

        public ProcessOutput(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lock)
                {
                    return [.. _lines];
                }
            }
        }

        public async Task WaitForLineAsync(string text, TimeSpan patience)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }

                _waiters.Add((text, seen));
            }

            try
            {
                await seen.Task.WaitAsync(patience);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The silo did not print '{text}' within {patience}. It printed:\n{string.Join('\n', Lines)}");
            }
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            List<TaskCompletionSource> met = [];
            lock (_lock)
            {
                _lines.Add(line);
                _waiters.RemoveAll(waiter =>
                {
                    if (!line.Contains(waiter.Text, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    met.Add(waiter.Seen);
                    return true;
                });
            }

            met.ForEach(seen => seen.TrySetResult());
        }
    }
}
