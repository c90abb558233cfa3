using System.Net;
using Npgsql;

namespace Helpdesk.Benchmarks.PostgreSql;

/// <summary>Keeps load on this machine: a connection string given from outside must name a loopback host or a local socket.</summary>
internal static class LoopbackGuard
{
    public static string Require(string connectionString, string source)
    {
        var hosts = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "";
        foreach (var host in hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = host.Split(':')[0];
            var local = name.StartsWith('/')
                || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))
                || (IPAddress.TryParse(name, out var v4) && IPAddress.IsLoopback(v4));
            if (!local)
            {
                throw new BenchmarkException($"{source} names host '{host}'; the benchmark only loads servers on this machine (127.0.0.1, localhost or a local socket).");
            }
        }

        return connectionString;
    }
}
