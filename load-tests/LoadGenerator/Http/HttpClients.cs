using System.Net;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>The one HTTP client of a run: no proxy (the load stays on loopback whatever the environment says), no redirects or cookies, no overall timeout (each attempt has its own, and event streams stay open).</summary>
internal static class HttpClients
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(3),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = int.MaxValue,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
