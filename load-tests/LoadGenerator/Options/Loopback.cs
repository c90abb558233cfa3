using System.Net;
using Npgsql;

namespace Helpdesk.LoadGenerator.Options;

/// <summary>Keeps the load on this machine: every address the generator sends to must be a loopback one.</summary>
/// <remarks>Host names are not resolved: only <c>localhost</c> and literal loopback addresses pass, so a name that resolves elsewhere can never be loaded.</remarks>
internal static class Loopback
{
    /// <summary>Whether <paramref name="host"/> is <c>localhost</c>, an address of 127.0.0.0/8 or <c>::1</c>.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Reads a silo's base address, or says why it cannot be loaded: not an absolute http(s) URL, or not on this machine.</summary>
    public static bool TryParseUrl(string text, out Uri url, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        url = null!;
        error = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            error = $"--url takes absolute http addresses such as http://127.0.0.1:5001; '{text}' is not one.";
            return false;
        }

        if (!IsLoopbackHost(parsed.Host))
        {
            error = $"--url names host '{parsed.Host}', which is not this machine; the load generator only sends traffic to loopback addresses (127.0.0.1 or another 127.x.x.x, [::1], localhost).";
            return false;
        }

        url = new Uri(parsed.GetLeftPart(UriPartial.Authority) + "/");
        return true;
    }

    /// <summary>Whether every host of a PostgreSQL connection string is on this machine: loopback, or a local socket folder.</summary>
    public static bool IsLoopbackConnectionString(string connectionString, out string host)
    {
        host = "";
        var hosts = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "";
        foreach (var candidate in hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // host:port, but an IPv6 literal has colons of its own.
            var name = IPAddress.TryParse(candidate.Trim('[', ']'), out _) ? candidate : candidate.Split(':')[0];
            if (!name.StartsWith('/') && !IsLoopbackHost(name))
            {
                host = candidate;
                return false;
            }
        }

        return true;
    }
}
