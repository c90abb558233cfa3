using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Helpdesk.Api.Tests.Metrics;

/// <summary>A real Prometheus server (Debian's <c>prometheus</c>) scraping one target every second, in a temporary folder; stopped on dispose.</summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;

    private PrometheusServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts Prometheus scraping <paramref name="target"/>'s <c>/metrics</c> as <paramref name="job"/>, labelled
    /// <c>silo="silo1"</c> as deploy/prometheus labels a silo; fails clearly when it is not installed.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(Uri target, string job = "silo")
    {
        ArgumentNullException.ThrowIfNull(target);
        var executable = Find("prometheus")
            ?? throw new InvalidOperationException("The Prometheus server was not found on PATH. It comes from the Debian package `prometheus`: run ./test.sh, which installs it, or `apt-get install prometheus`.");
        var folder = Directory.CreateTempSubdirectory("helpdesk-prometheus-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ['{target.Authority}']
                    labels:
                      silo: silo1
            """);
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>The series an instant query returns once it returns any, or a failure naming the query after <paramref name="patience"/>.</summary>
    public async Task<JsonElement> QueryUntilFoundAsync(string query, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            var (result, answer) = await QueryAsync(query);
            if (result.GetArrayLength() > 0)
            {
                return result;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Prometheus found no series for `{query}` within {patience.TotalSeconds:0} s; it last answered {answer}");
            }

            await interval.WaitForNextTickAsync();
        }
    }

    /// <summary>An instant query's series and Prometheus' whole answer; a failure with Prometheus' error when it refuses the query.</summary>
    public async Task<(JsonElement Result, string Answer)> QueryAsync(string query)
    {
        using var response = await Client.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Prometheus refused `{query}`: {answer}");
        return (JsonDocument.Parse(answer).RootElement.GetProperty("data").GetProperty("result").Clone(), answer);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + StartLimit;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            try
            {
                using var ready = await Client.GetAsync(new Uri("-/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!_process.HasExited && DateTimeOffset.UtcNow < deadline)
            {
            }

            if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Prometheus did not become ready within {StartLimit.TotalSeconds:0} s (exited: {_process.HasExited}).");
            }

            await interval.WaitForNextTickAsync();
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
