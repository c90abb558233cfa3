using System.Net;
using System.Net.Http.Headers;

namespace Helpdesk.LoadGenerator.Http;

/// <summary>The one HTTP client of a run: no proxy (the load stays on loopback whatever the environment says), no redirects or cookies, no overall timeout (each attempt has its own, and event streams stay open).</summary>
internal static class HttpClients
{
    /// <summary>A client that sends <paramref name="apiKey"/> with every request.</summary>
    public static HttpClient Create(string apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler
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
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
