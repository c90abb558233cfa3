using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Testing;

namespace Helpdesk.Silo.Tests.Hosting;

/// <summary>nginx in front of silos on 127.0.0.1, balancing them as <c>deploy/nginx/nginx.conf</c> does, from a temporary folder.</summary>
internal sealed partial class NginxProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, string url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Starts nginx on a free port in front of the silos on <paramref name="siloPorts"/>, with the deployment's own settings.</summary>
    public static NginxProcess Start(params int[] siloPorts)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx was not found. It comes from the Debian package `nginx-light`: run ./test.sh, which installs it, or `apt-get install nginx-light`.");
        var folder = Directory.CreateTempSubdirectory("helpdesk-nginx-").FullName;
        var port = SiloProcess.FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, OnLoopback(File.ReadAllText(Repository.PathOf("deploy", "nginx", "nginx.conf")), folder, port, siloPorts));
        var start = new ProcessStartInfo(binary, ["-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new NginxProcess(Process.Start(start)!, folder, $"http://127.0.0.1:{port}");
    }

    /// <summary>Waits until nginx answers: a request through it reaches a silo.</summary>
    public async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    return (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"nginx to answer on {Url}",
            SiloProcess.Patience);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The deployment's configuration with its silos, port, logs and temporary files on this machine.</summary>
    private static string OnLoopback(string deployed, string folder, int port, IEnumerable<int> siloPorts)
    {
        var silo = SiloLine().Match(deployed);
        Assert.True(silo.Success, "deploy/nginx/nginx.conf names its silos as `server siloN:8080 …;`.");
        var servers = string.Concat(siloPorts.Select(siloPort => string.Create(CultureInfo.InvariantCulture, $"{silo.Groups["indent"].Value}server 127.0.0.1:{siloPort}{silo.Groups["settings"].Value};\n")));
        var local = SiloLine().Replace(deployed, "");
        local = local.Insert(SiloBlock().Match(local).Index, servers);
        return local
            .Replace("worker_processes auto;", "worker_processes 1;\nuser root;", StringComparison.Ordinal)
            .Replace("/var/log/nginx/", folder + "/", StringComparison.Ordinal)
            .Replace("/var/run/nginx.pid", Path.Combine(folder, "nginx.pid"), StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("http {", $"http {{\n    client_body_temp_path {folder}/body;\n    proxy_temp_path {folder}/proxy;\n    fastcgi_temp_path {folder}/fastcgi;\n    uwsgi_temp_path {folder}/uwsgi;\n    scgi_temp_path {folder}/scgi;", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)server silo\d+:8080(?<settings>[^;]*);\n", RegexOptions.Multiline)]
    private static partial Regex SiloLine();

    [GeneratedRegex(@"^[ ]*keepalive \d+;", RegexOptions.Multiline)]
    private static partial Regex SiloBlock();
}
